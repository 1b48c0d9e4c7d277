// The CLI reports running out of memory as a limit (exit 1, with advice), never as a bug (exit 3).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";

const retail = join(import.meta.dirname, "../../scenarios/retail-3-echelon.json");

describe("echelon CLI out of memory", () => {
  it("main exits 1 saying the run ran out of memory, with the options that use less, and no bug report", async () => {
    let err = "";
    const stdout = { write: () => { throw new RangeError("Array buffer allocation failed"); } };
    const code = await main(["validate", retail], { stdout, stderr: { write: (s: string) => (err += s) } });
    expect(code).toBe(1);
    expect(err).toMatch(/^echelon: The run ran out of memory \(Array buffer allocation failed\)\. Run fewer replications, or leave out the per-day series\.\n/);
    expect(err).toContain("--replications, no --series, or fewer --workers");
    expect(err).not.toContain("internal error");
  });
});
