/**
 * Command-line parsing for `echelon` (shared/spec/cli.md): a command, its file arguments, and
 * options as `--name value` or `--name=value`. Anything malformed is a `UsageError` (exit 2) that
 * names the option and what was expected.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

export type OptionKind = "flag" | "int" | "seed" | "text" | "format" | "number";

export interface CommandSpec {
  readonly files: readonly string[];
  readonly options: { readonly [name: string]: OptionKind };
}

export const COMMANDS = {
  validate: { files: ["FILE"], options: { json: "flag" } },
  run: {
    files: ["FILE"],
    options: { replications: "int", seed: "seed", horizon: "int", warmup: "int", workers: "int", series: "flag", "replication-values": "flag", "stock-breakdown": "flag", format: "format", out: "text", shard: "text", "shard-from-env": "int", products: "text", "product-shard": "text", "product-shards": "int" },
  },
  merge: { files: ["PARTS..."], options: { "replication-values": "flag", format: "format", out: "text" } },
  plan: {
    files: ["TARGET", "FILE"],
    options: {
      shards: "int", replications: "int", seed: "seed", horizon: "int", warmup: "int", workers: "int", series: "flag", "parts-dir": "text", image: "text", out: "text", "product-shards": "int",
      frontier: "flag", points: "int", targets: "text", headline: "text", "search-replications": "int", "max-evaluations": "int", minimize: "text", textbook: "flag",
    },
  },
  compare: {
    files: ["A", "B"],
    options: { replications: "int", seed: "seed", horizon: "int", warmup: "int", workers: "int", "stock-breakdown": "flag", out: "text", shard: "text", "shard-from-env": "int" },
  },
  impact: {
    files: ["FILE"],
    options: { replications: "int", seed: "seed", horizon: "int", warmup: "int", workers: "int", format: "format", out: "text", shard: "text", "shard-from-env": "int" },
  },
  frontier: {
    files: ["FILE"],
    options: {
      points: "int", targets: "text", headline: "text", replications: "int", seed: "seed", "search-replications": "int", "max-evaluations": "int",
      minimize: "text", textbook: "flag", workers: "int", format: "format", out: "text", shard: "text", "shard-from-env": "int",
    },
  },
  optimize: {
    files: ["FILE"],
    options: {
      method: "text", "service-level": "number", z: "number", "target-fill": "number", "lead-time-variance": "flag", replications: "int", workers: "int", out: "text",
      objective: "text", search: "text", seed: "seed", "check-replications": "int", "max-evaluations": "int", minimize: "text", "target-at": "text", verify: "flag",
    },
  },
} as const satisfies { [command: string]: CommandSpec };

export type CommandName = keyof typeof COMMANDS;

export interface Parsed {
  readonly command: CommandName | null;
  readonly files: string[];
  readonly options: { [name: string]: string | number | boolean };
  readonly help: boolean;
  readonly version: boolean;
}

const isCommand = (c: string): c is CommandName => Object.hasOwn(COMMANDS, c);

export function parseArgs(argv: readonly string[]): Parsed {
  const args = [...argv];
  const help = args.some((a) => a === "--help" || a === "-h");
  const version = args.some((a) => a === "--version" || a === "-V" || a === "-v");
  const first = args.find((a) => !a.startsWith("-"));
  if (help || (version && first === undefined)) return { command: first !== undefined && isCommand(first) ? first : null, files: [], options: {}, help, version };
  if (first === undefined) throw new UsageError(`missing command: expected one of ${Object.keys(COMMANDS).join(", ")}`);
  if (!isCommand(first)) throw new UsageError(`unknown command "${first}": expected one of ${Object.keys(COMMANDS).join(", ")}`);
  args.splice(args.indexOf(first), 1);
  const spec: CommandSpec = COMMANDS[first];
  const files: string[] = [], options: Parsed["options"] = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--") || a === "--") {
      if (a === "--" || (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a))) throw new UsageError(`unknown option "${a}" for echelon ${first}`);
      files.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const kind = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!kind) throw new UsageError(`unknown option "--${name}" for echelon ${first}; its options are ${Object.keys(spec.options).map((o) => `--${o}`).join(", ") || "none"}`);
    if (kind === "flag") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = convert(name, kind, value);
  }
  if (files.length < spec.files.length) throw new UsageError(`missing ${spec.files.slice(files.length).join(" and ")}: usage: echelon ${first} ${spec.files.join(" ")} [options]`);
  // A last file named "X..." takes one or more files (echelon merge PARTS...).
  if (files.length > spec.files.length && !spec.files.at(-1)?.endsWith("...")) throw new UsageError(`unexpected argument "${files[spec.files.length]}": echelon ${first} takes ${spec.files.join(" ")}`);
  return { command: first, files, options, help, version };
}

function convert(name: string, kind: OptionKind, value: string): string | number {
  switch (kind) {
    case "int": {
      if (!/^[+-]?\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} is too large: "${value}"`);
      if (name === "workers" && (n < 1 || n > 64)) throw new UsageError(`--workers must be between 1 and 64, got ${n}`);
      return n;
    }
    case "number": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
      return n;
    }
    case "seed":
      return /^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    case "format":
      if (value !== "json" && value !== "csv") throw new UsageError(`--format must be json or csv, got "${value}"`);
      return value;
    default:
      if (value === "") throw new UsageError(`--${name} needs a value`);
      return value;
  }
}
