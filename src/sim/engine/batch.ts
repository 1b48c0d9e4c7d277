/**
 * runBatch: replications from … to − 1 of one scenario, each from its own streams, so any split
 * of a run into batches gives the same rows. State and accumulators are allocated once per call.
 */
import type { BatchRequest, BatchResult, Scenario } from "../model/index.ts";
import { createAccumulators, createState, simulateDay } from "../kernel/index.ts";
import { compiled } from "./compiled.ts";
import { createKpiWriter } from "./kpis.ts";
import { createSeriesWriter, seriesLayout } from "./series.ts";
import { startReplication } from "./simulation.ts";

/**
 * With `req.series`, the rows go into `seriesInto` when given (at least (to − from) × cells long;
 * the result's `series` is a view of its start): a worker that counts the rows itself reuses one
 * buffer chunk after chunk, rather than taking fresh pages for every chunk's rows
 * (montecarlo/series-accumulator.ts, docs/benchmarks.md).
 */
export function runBatch(scenario: Scenario, req: BatchRequest, seriesInto?: Float32Array): BatchResult {
  const { from, to } = req;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`from/to: expected integers 0 <= from <= to, got from=${from}, to=${to}`);
  }
  const net = compiled(scenario), st = createState(net), acc = createAccumulators(net);
  const writer = createKpiWriter(net), rows = to - from;
  const values = new Float64Array(rows * writer.columns);
  const cells = req.series ? seriesLayout(scenario).cells : 0;
  if (req.series && seriesInto && seriesInto.length < rows * cells) {
    throw new RangeError(`seriesInto: ${seriesInto.length} values cannot hold ${rows} rows of ${cells} cells`);
  }
  const series = !req.series ? undefined : seriesInto ? seriesInto.subarray(0, rows * cells) : new Float32Array(rows * cells);
  const days = series ? createSeriesWriter(net) : undefined;
  // A replication's row is written into `row`, which stays in cache, then copied into its place in
  // `series` in one sequential copy: written straight into the chunk's 6 MB buffer (retail), each
  // replication's scattered stores fetched ≈ 1,900 cache lines afresh and writing cost about twice
  // as much (docs/benchmarks.md).
  const row = series ? new Float32Array(cells) : undefined;
  for (let r = from; r < to; r++) {
    startReplication(net, st, acc, r);
    if (days) days.start(acc, row!, 0);
    for (let t = 0; t < net.horizon; t++) simulateDay(net, st, acc);
    writer.write(acc, values, (r - from) * writer.columns);
    if (days) { days.finish(acc, row!, 0); series!.set(row!, (r - from) * cells); }
  }
  return series ? { from, to, columns: writer.columns, values, series } : { from, to, columns: writer.columns, values };
}
