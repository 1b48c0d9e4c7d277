import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSyntaxError } from "../../../src/sim/validate/json-syntax.ts";

describe("findSyntaxError", () => {
  it("finds nothing wrong in any text JSON.stringify writes", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (v, indent) => {
      expect(findSyntaxError(JSON.stringify(v, null, indent))).toBeUndefined();
    }), { numRuns: 300 });
  });
  it("finds an error exactly when JSON.parse throws", () => {
    const fragments = ["{", "}", "[", "]", ",", ":", '"a"', "1", "-0.5e3", "true", "null", " ", "\n", '"', "\\", "x", "'", "01", "1.", "/"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
      const text = parts.join("");
      let valid = true;
      try { JSON.parse(text); } catch { valid = false; }
      expect(findSyntaxError(text) === undefined).toBe(valid);
    }), { numRuns: 2000 });
  });
  it("counts lines and columns from 1", () => {
    expect(findSyntaxError('{\r\n  "a": 1,\r\n  ]')).toEqual({ line: 3, column: 3, message: "expected a property name in double quotes, got ']'" });
  });
});
