/**
 * Prototype pollution detector: a snapshot of the built-in prototypes (own property names and
 * their values, and the own properties of the methods on them, so that a KPI written onto
 * `Object.prototype.toString` shows too), a diff against it, and a restore, so that one polluting
 * case does not poison the cases after it in the same process.
 */
const PROTOTYPES: readonly [string, object][] = [
  ["Object.prototype", Object.prototype], ["Array.prototype", Array.prototype], ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype], ["Number.prototype", Number.prototype], ["Boolean.prototype", Boolean.prototype],
];

interface Entry { readonly descriptor: PropertyDescriptor; readonly methodKeys?: readonly (string | symbol)[] }
export type Snapshot = ReadonlyMap<object, ReadonlyMap<string | symbol, Entry>>;

export function snapshotPrototypes(): Snapshot {
  const out = new Map<object, Map<string | symbol, Entry>>();
  for (const [, proto] of PROTOTYPES) {
    const m = new Map<string | symbol, Entry>();
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      const v = descriptor.value;
      m.set(key, { descriptor, methodKeys: typeof v === "function" ? Reflect.ownKeys(v) : undefined });
    }
    out.set(proto, m);
  }
  return out;
}

const name = (k: string | symbol) => (typeof k === "symbol" ? k.toString() : k);

/** What changed since `snap`, one line per change (empty when nothing did). */
export function prototypeChanges(snap: Snapshot): string[] {
  const changes: string[] = [];
  for (const [label, proto] of PROTOTYPES) {
    const before = snap.get(proto)!;
    for (const key of Reflect.ownKeys(proto)) {
      const was = before.get(key);
      const now = Object.getOwnPropertyDescriptor(proto, key)!;
      if (!was) { changes.push(`${label}.${name(key)} added`); continue; }
      const d = was.descriptor;
      if (!Object.is(d.value, now.value) || d.get !== now.get || d.set !== now.set) changes.push(`${label}.${name(key)} changed`);
      else if (was.methodKeys) {
        const extra = Reflect.ownKeys(now.value as object).filter((k) => !was.methodKeys!.includes(k));
        if (extra.length > 0) changes.push(`${label}.${name(key)} got ${extra.map(name).join(", ")}`);
      }
    }
    for (const key of before.keys()) if (!Object.prototype.hasOwnProperty.call(proto, key)) changes.push(`${label}.${name(key)} deleted`);
  }
  return changes;
}

/** Puts every prototype back as `snap` recorded it. */
export function restorePrototypes(snap: Snapshot): void {
  for (const [, proto] of PROTOTYPES) {
    const before = snap.get(proto)!;
    for (const key of Reflect.ownKeys(proto)) if (!before.has(key)) Reflect.deleteProperty(proto, key);
    for (const [key, { descriptor, methodKeys }] of before) {
      const now = Object.getOwnPropertyDescriptor(proto, key);
      if (!now || !Object.is(now.value, descriptor.value) || now.get !== descriptor.get || now.set !== descriptor.set) Object.defineProperty(proto, key, descriptor);
      if (methodKeys) for (const k of Reflect.ownKeys(descriptor.value as object)) if (!methodKeys.includes(k)) Reflect.deleteProperty(descriptor.value as object, k);
    }
  }
}
