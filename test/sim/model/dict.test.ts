import { describe, expect, it } from "vitest";
import { dict, dictFrom, own } from "../../../src/sim/model/dict.ts";

// Ids are chosen by users: "__proto__", "constructor" and "toString" must be ordinary keys.
describe("dict and dictFrom", () => {
  it("dict() is an empty record with no prototype, so '__proto__' is an ordinary key", () => {
    const d = dict<number>();
    expect(Object.getPrototypeOf(d)).toBeNull();
    expect(Object.keys(d)).toEqual([]);
    d["__proto__"] = 7;
    expect(Object.keys(d)).toEqual(["__proto__"]);
    expect(d["__proto__"]).toBe(7);
    expect(d["toString"]).toBeUndefined();
  });

  it("dictFrom holds every entry, later entries winning, and has no prototype", () => {
    const d = dictFrom<number>([["a", 1], ["constructor", 2], ["a", 3]]);
    expect(Object.getPrototypeOf(d)).toBeNull();
    expect(Object.entries(d)).toEqual([["a", 3], ["constructor", 2]]);
  });
});

describe("own", () => {
  it("own reads a record's own entries and never an inherited one", () => {
    const plain: { [id: string]: unknown } = { a: 1 };
    expect(own(plain, "a")).toBe(1);
    expect(own(plain, "toString")).toBeUndefined();
    expect(own(plain, "missing")).toBeUndefined();
  });
});
