import { describe, expect, it } from "vitest";
import { HISTORY_LIMIT, createHistory, record, redo, undo } from "../../../src/ui/editor/history.ts";

describe("history", () => {
  it("undo and redo walk back and forth through recorded states", () => {
    let h = createHistory("a");
    h = record(h, "b");
    h = record(h, "c");
    h = undo(h);
    expect(h.present).toBe("b");
    h = undo(h);
    expect(h.present).toBe("a");
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe("c");
    expect(redo(h)).toBe(h);
  });

  it("record after an undo drops the redo branch", () => {
    const h = record(undo(record(createHistory(1), 2)), 3);
    expect([h.past, h.present, h.future]).toEqual([[1], 3, []]);
  });

  it("record coalesces edits of the same field within the time window into one undo step", () => {
    let h = createHistory("");
    h = record(h, "a", "name", 0);
    h = record(h, "ab", "name", 300);
    h = record(h, "abc", "name", 600);
    expect(h.past).toEqual([""]);
    h = record(h, "abcd", "name", 5000);
    expect(h.past).toEqual(["", "abc"]);
    h = record(h, "x", "seed", 5100);
    expect(h.past).toEqual(["", "abc", "abcd"]);
  });

  it("record keeps at most HISTORY_LIMIT past states", () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(10);
  });
});
