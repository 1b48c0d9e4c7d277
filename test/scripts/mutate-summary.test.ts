import { describe, expect, it } from "vitest";
import { partFiles, partName } from "../../scripts/mutate/folders.ts";
import { formatScores, mergeScore, type Report } from "../../scripts/mutate/summary.ts";

const report = (files: Record<string, string[]>, measuredAt?: string): Report => ({
  files: Object.fromEntries(Object.entries(files).map(([path, statuses]) => [path, { mutants: statuses.map((status) => ({ status })) }])),
  ...(measuredAt ? { measuredAt } : {}),
});
const sources = ["a.ts", "b-c.ts", "index.ts", "sub/d.ts"];

describe("a folder measured in parts", () => {
  it("names a part by its files and reads the files back from the name, hyphens and subfolders included", () => {
    const name = partName(["sub/d.ts", "b-c.ts"]);
    expect(name).toBe("b-c+sub~d");
    expect(partFiles(name)).toEqual(["b-c.ts", "sub/d.ts"]);
  });

  it("adds the parts' mutants up and says how many of the folder's files they measured", () => {
    const parts = [
      ["a", report({ "src/sim/k/a.ts": ["Killed", "Killed", "Survived"] })],
      ["b-c+index", report({ "src/sim/k/b-c.ts": ["Timeout", "NoCoverage", "Ignored"] })],
    ] as const;
    const score = mergeScore("k", 85, sources, undefined, parts);
    // index.ts has no mutants, so it is in no report, but its part's name says it was mutated.
    expect(score).toMatchObject({ measured: 3, files: 4, counts: { Killed: 2, Survived: 1, Timeout: 1, NoCoverage: 1, Ignored: 1 } });
    expect(score.score).toBeCloseTo((100 * 3) / 5, 12);
    expect(formatScores([score])).toContain("partial: 3 of 4 files");
  });

  it("lets a part's newer result for a file replace the whole-folder report's", () => {
    const whole = report({ "src/sim/k/a.ts": ["Survived", "Survived"], "src/sim/k/sub/d.ts": ["Killed"] });
    const score = mergeScore("k", 85, sources, whole, [["a", report({ "src/sim/k/a.ts": ["Killed", "Killed"] })]]);
    expect(score).toMatchObject({ measured: 4, files: 4, counts: { Killed: 3 }, score: 100 });
    expect(formatScores([score])).toContain("meets target");
  });

  it("takes each file's result from the newest report that measured it, whatever the parts' names", () => {
    const older = report({ "src/sim/k/a.ts": ["Survived", "Survived"], "src/sim/k/b-c.ts": ["Killed"] }, "2026-12-02T09:00:00Z");
    const newer = report({ "src/sim/k/a.ts": ["Killed"] }, "2026-12-02T10:00:00Z");
    // "a" sorts before "a+b-c" by name, but was measured later.
    expect(mergeScore("k", 85, sources, undefined, [["a+b-c", older], ["a", newer]]).counts).toEqual({ Killed: 2 });
    // A whole-folder run after a part replaces the part's result.
    const whole = report({ "src/sim/k/a.ts": ["Killed", "Killed"] }, "2026-12-02T11:00:00Z");
    expect(mergeScore("k", 85, sources, whole, [["a", report({ "src/sim/k/a.ts": ["Survived"] }, "2026-12-02T10:00:00Z")]]).counts).toEqual({ Killed: 2 });
  });

  it("leaves out the mutants of a file that is no longer in the folder", () => {
    const score = mergeScore("k", 85, sources, undefined, [["a+gone", report({ "src/sim/k/a.ts": ["Killed"], "src/sim/k/gone.ts": ["Survived", "Survived"] })]]);
    expect(score).toMatchObject({ measured: 1, counts: { Killed: 1 }, score: 100 });
  });

  it("reports a folder with no report as not run", () => {
    expect(mergeScore("k", 85, sources, undefined, []).counts).toBeUndefined();
    expect(formatScores([mergeScore("k", 85, sources, undefined, [])])).toContain("not run yet");
  });
});
