/** Copies a file (a part, a merged result) to standard output a piece at a time, waiting when the pipe is full. */
import { closeSync, openSync, readSync } from "node:fs";

/** What the copy needs of the CLI's output: a writable that may say it is full and when it drains. */
export interface BinaryStdout {
  readonly stdout: { write(s: string | Uint8Array): unknown; once?(event: "drain", f: () => void): unknown };
}

const PIECE_BYTES = 1 << 20;

export async function copyToStdout(file: string, io: BinaryStdout): Promise<void> {
  const fd = openSync(file, "r"), piece = Buffer.alloc(PIECE_BYTES);
  try {
    for (let got = readSync(fd, piece); got > 0; got = readSync(fd, piece)) {
      const full = io.stdout.write(Buffer.from(piece.subarray(0, got))) === false;
      if (full && io.stdout.once) await new Promise<void>((resolve) => io.stdout.once!("drain", resolve));
    }
  } finally {
    closeSync(fd);
  }
}
