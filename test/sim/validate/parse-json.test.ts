import { describe, expect, it } from "vitest";
import { LIMITS, parseScenarioJson } from "../../../src/sim/validate/index.ts";
import { retail, retailText } from "./fixtures.ts";

const only = (text: string) => {
  const r = parseScenarioJson(text);
  return r.ok ? "ok" : r.errors.map((e) => `${e.path}|${e.message}`).join("\n");
};

describe("parseScenarioJson", () => {
  it("parses and validates the retail scenario file", () => {
    expect(parseScenarioJson(retailText)).toEqual({ ok: true, scenario: retail() });
  });
  it("accepts a leading byte-order mark", () => expect(only(`\uFEFF${retailText}`)).toBe("ok"));
  it("reports a syntax error as one root issue with line and column", () => {
    expect(only('{\n  "a": 1\n  "b": 2\n}')).toBe("|invalid JSON at line 3, column 3: expected ',' or '}', got '\"'");
  });
  it("names the usual culprits", () => {
    expect(only('{"a": [1, 2,]}')).toBe("|invalid JSON at line 1, column 13: trailing comma before ']'");
    expect(only('{"a": 1,\n}')).toBe("|invalid JSON at line 2, column 1: trailing comma before '}'");
    expect(only("{'a': 1}")).toBe("|invalid JSON at line 1, column 2: property names need double quotes, not single quotes");
    expect(only('{"a": \'x\'}')).toBe("|invalid JSON at line 1, column 7: strings need double quotes, not single quotes");
    expect(only('{\n  // note\n  "a": 1}')).toBe("|invalid JSON at line 2, column 3: comments are not allowed in JSON");
    expect(only('{"a": NaN}')).toBe('|invalid JSON at line 1, column 7: unexpected word "NaN" (JSON has no NaN, Infinity or undefined)');
    expect(only('{"a": "x\\q"}')).toBe('|invalid JSON at line 1, column 9: invalid escape "\\\\q" in a string');
    expect(only('{"a": 01}')).toBe("|invalid JSON at line 1, column 8: expected ',' or '}', got '1'");
  });
  it("reports unterminated strings, lists and objects", () => {
    expect(only('{"a": 1')).toBe("|invalid JSON at line 1, column 8: missing '}'".replace("missing", "unexpected end of text: missing"));
    expect(only('{"a": "x')).toBe("|invalid JSON at line 1, column 7: unterminated string");
    expect(only('{"a": [1, {"b": 2}')).toBe("|invalid JSON at line 1, column 19: unexpected end of text: 2 brackets still open, the innermost needs ']'");
    expect(only("")).toBe("|invalid JSON at line 1, column 1: unexpected end of text");
    expect(only('{"a": 1} {')).toBe("|invalid JSON at line 1, column 10: unexpected '{' after the end of the document");
  });
  it("validates well-formed JSON that is not a scenario", () => {
    expect(only("[]")).toBe("|must be an object, got a list");
  });
  it("refuses text beyond the size limit without parsing it", () => {
    expect(only(" ".repeat(LIMITS.textLength + 1))).toBe("|the file is 20,000,001 characters long; at most 20,000,000 are accepted");
  });
  it("refuses deeply nested text without overflowing the stack", () => {
    const text = "[".repeat(100_000);
    expect(only(text)).toBe("|invalid JSON at line 1, column 100001: unexpected end of text: 100000 brackets still open, the innermost needs ']'");
  });
});
