import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readScenarioFile, type ReadFs } from "../../src/cli/read-file.ts";

const tmp = fs.mkdtempSync(join(tmpdir(), "echelon-read-"));

/** node:fs with a count of the bytes read through it (and, optionally, a stat that lies). */
function countingFs(stat?: (fd: number) => fs.Stats): ReadFs & { bytesRead: number } {
  const counter = {
    bytesRead: 0,
    openSync: fs.openSync,
    closeSync: fs.closeSync,
    fstatSync: stat ?? fs.fstatSync,
    readSync: ((...args: Parameters<typeof fs.readSync>) => {
      const n = fs.readSync(...args);
      counter.bytesRead += n;
      return n;
    }) as typeof fs.readSync,
  };
  return counter as ReadFs & { bytesRead: number };
}

const refusal = (read: () => unknown) => {
  try { read(); } catch (e) { return (e as Error).message; }
  return "read";
};

describe("readScenarioFile", () => {
  it("reads a regular file of up to the limit", () => {
    const file = join(tmp, "ok.json");
    fs.writeFileSync(file, '{"name":"Ünïcode"}');
    expect(readScenarioFile(file, 20)).toBe('{"name":"Ünïcode"}');
  });

  it("refuses /dev/zero as a device without reading from it", () => {
    const f = countingFs();
    expect(refusal(() => readScenarioFile("/dev/zero", MAX_FILE_BYTES, f))).toBe("it is a device, not a regular file");
    expect(f.bytesRead).toBe(0);
  });

  it("refuses a named pipe without waiting for a writer or reading from it", () => {
    const fifo = join(tmp, "pipe");
    execFileSync("mkfifo", [fifo]);
    const f = countingFs();
    expect(refusal(() => readScenarioFile(fifo, MAX_FILE_BYTES, f))).toBe("it is a named pipe, not a regular file");
    expect(f.bytesRead).toBe(0);
  });

  it("refuses a file over 20,000,000 bytes by its size, before reading it", () => {
    const big = join(tmp, "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 7_500_000_000); // sparse: no disk space used
    const f = countingFs();
    expect(refusal(() => readScenarioFile(big, MAX_FILE_BYTES, f))).toBe("it is 7,500,000,000 bytes; a scenario file may be at most 20,000,000 bytes");
    expect(f.bytesRead).toBe(0);
  });

  it("stops one byte past the limit when the size on record is wrong (a file that grows, /proc)", () => {
    const lying = { isFile: () => true, size: 0 } as fs.Stats;
    const f = countingFs(() => lying);
    expect(refusal(() => readScenarioFile("/dev/zero", 1_000, f))).toBe("it is more than 1,000 bytes; a scenario file may be at most 1,000 bytes");
    expect(f.bytesRead).toBe(1_001);
  });

  it("names a missing file and a directory", () => {
    expect(refusal(() => readScenarioFile(join(tmp, "nope.json")))).toBe("no such file");
    expect(refusal(() => readScenarioFile(tmp))).toBe("it is a directory");
  });
});
