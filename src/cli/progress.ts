/**
 * A one-line progress bar on standard error, redrawn at most every 100 ms, only when standard
 * error is a terminal (piped or redirected output gets no control characters).
 */
import type { RunProgress } from "../workers/pool.ts";

export interface ProgressBar {
  update(p: RunProgress): void;
  clear(): void;
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

export function createProgressBar(stream: { write(s: string): unknown; isTTY?: boolean; columns?: number }, label: string): ProgressBar {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let last = -Infinity, drawn = false;
  return {
    update(p) {
      if (p.done < p.total && p.elapsedMs - last < 100) return;
      last = p.elapsedMs;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
      const filled = Math.round((width * p.done) / p.total);
      const eta = p.etaMs === null ? "" : p.done < p.total ? `, ${seconds(p.etaMs)} left` : "";
      stream.write(`\r\x1b[2K${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} replications, ${seconds(p.elapsedMs)}${eta}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
