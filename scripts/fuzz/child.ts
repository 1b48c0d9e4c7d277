/**
 * A campaign worker process: regenerates each case it is sent from (seed, case number), checks
 * it, and sends back the outcome. It tells the parent when a case moves from validation to the
 * run, so that a crash or a hang that kills this process is put in the right column.
 */
import { checkCase } from "./check-case.ts";
import { generateCase, loadLibrary } from "./generate.ts";
import { snapshotPrototypes } from "./prototypes.ts";

export interface CaseRequest { readonly n: number; readonly seed: number; readonly cli: boolean; readonly series: boolean; readonly workCap: number }
export type ChildMessage =
  | { readonly type: "ready" }
  | { readonly type: "phase"; readonly n: number; readonly phase: "validate" | "run" }
  | { readonly type: "outcome"; readonly outcome: import("./check-case.ts").CaseOutcome }
  | { readonly type: "uncaught"; readonly n: number; readonly detail: string };

const send = (m: ChildMessage) => process.send!(m);
const library = loadLibrary();
const baseline = snapshotPrototypes();
let current = -1;

const report = (e: unknown) => {
  const detail = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300);
  send({ type: "uncaught", n: current, detail });
};
process.on("uncaughtException", report);
process.on("unhandledRejection", report);

process.on("message", (req: CaseRequest) => {
  current = req.n;
  let c: ReturnType<typeof generateCase>;
  try {
    c = generateCase(library, req.seed, req.n);
  } catch (e) {
    // The campaign's own fault, not Echelon's: reported apart, never in a column.
    const ops = [`(generation failed: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)})`];
    send({ type: "outcome", outcome: { n: req.n, base: "?", ops, ms: 0, cpuMs: 0, textAccepted: false, objectAccepted: false, ran: false, runRefused: false, capped: false, series: false, cli: false, findings: [] } });
    return;
  }
  void checkCase(c, baseline, { cli: req.cli, series: req.series, workCap: req.workCap, onPhase: (phase) => send({ type: "phase", n: req.n, phase }) })
    .then((outcome) => send({ type: "outcome", outcome }), (e: unknown) => {
      report(e);
      send({ type: "outcome", outcome: { n: c.n, base: c.base, ops: c.ops, ms: 0, cpuMs: 0, textAccepted: false, objectAccepted: false, ran: false, capped: false, runRefused: false, series: false, cli: false, findings: [] } });
    });
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
