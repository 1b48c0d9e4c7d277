// The import specifiers of a TypeScript file, read from its text: static imports and re-exports,
// dynamic `import("…")` with a literal, and side-effect imports. Used by the architecture test
// (which layer may import which) and the Stryker sandbox test (which files a test reaches).

/** Every import of a source file: its specifier and whether the statement imports types only. */
export const imports = (src: string) =>
  [...src.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g)]
    .map((m) => ({ spec: m[2] ?? m[3] ?? m[4], typeOnly: m[1] !== undefined }));
