/**
 * What the run, compare and Watch views remember while the page lives. The shell keeps a
 * visited tab's view mounted, but the run and watch views give way to a placeholder while the
 * scenario has problems; when it validates again, a new view picks up its last settings and
 * results from here. Memory only: nothing is stored on disk.
 */
const memory = new Map<string, unknown>();

export function remember<T>(key: string, value: T): void {
  memory.set(key, value);
}

export function recall<T>(key: string): T | undefined {
  return memory.get(key) as T | undefined;
}

export function forget(key: string): void {
  memory.delete(key);
}

/** Structural equality of two scenarios (the documents are small: one stringify each). */
export function sameScenario(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
