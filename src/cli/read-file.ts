/**
 * Reading a scenario file without trusting it: the file type and size are checked before any
 * byte is read, and the read itself stops one byte past the limit, so `echelon run /dev/zero`,
 * a named pipe or a 7 GB file is refused at once instead of filling memory. The file is opened
 * non-blocking, so opening a FIFO that nobody writes to does not hang, and checked through its
 * descriptor, so it cannot be swapped between the check and the read.
 */
import * as nodeFs from "node:fs";
import { LIMITS } from "../sim/validate/index.ts";

/** Bytes of a scenario file: LIMITS.textLength, since every character takes at least one byte. */
export const MAX_FILE_BYTES: number = LIMITS.textLength;

/** Why a file cannot be read, for a message `FILE: cannot read the file (…)`. */
export class FileReadError extends Error {}

/** The file system calls the reader makes (node:fs; a test counts the bytes read through them). */
export type ReadFs = Pick<typeof nodeFs, "openSync" | "fstatSync" | "readSync" | "closeSync">;

const KIND: [keyof nodeFs.Stats, string][] = [
  ["isDirectory", "it is a directory"], ["isCharacterDevice", "it is a device, not a regular file"],
  ["isBlockDevice", "it is a device, not a regular file"], ["isFIFO", "it is a named pipe, not a regular file"],
  ["isSocket", "it is a socket, not a regular file"],
];

const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes`;
const tooLarge = (size: string, max: number) => new FileReadError(`it is ${size}; a scenario file may be at most ${bytes(max)}`);

/** The UTF-8 text of `file`, at most `maxBytes` bytes; throws FileReadError saying why not. */
export function readScenarioFile(file: string, maxBytes = MAX_FILE_BYTES, fs: ReadFs = nodeFs): string {
  let fd: number;
  try {
    fd = fs.openSync(file, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileReadError(openFailure(e as NodeJS.ErrnoException));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(KIND.find(([is]) => (stat[is] as () => boolean).call(stat))?.[1] ?? "it is not a regular file");
    if (stat.size > maxBytes) throw tooLarge(bytes(stat.size), maxBytes);
    return new TextDecoder().decode(readAtMost(fs, fd, maxBytes));
  } finally {
    fs.closeSync(fd);
  }
}

/** Up to `max` bytes from `fd`; throws if there are more (a file that grows, or a size the system does not report). */
function readAtMost(fs: ReadFs, fd: number, max: number): Uint8Array {
  const buf = new Uint8Array(Math.min(max + 1, 1 << 16));
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, max + 1 - total), null);
    if (n === 0) break;
    chunks.push(buf.slice(0, n));
    total += n;
    if (total > max) throw tooLarge(`more than ${bytes(max)}`, max);
  }
  return Buffer.concat(chunks, total);
}

function openFailure(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ENOENT": return "no such file";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "it is a directory";
    default: return e.message;
  }
}
