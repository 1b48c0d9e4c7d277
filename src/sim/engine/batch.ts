/**
 * runBatch: replications from … to − 1 of one scenario, each from its own streams, so any split
 * of a run into batches gives the same rows. State and accumulators are allocated once per call.
 */
import type { BatchRequest, BatchResult, Scenario } from "../model/index.ts";
import { createAccumulators, createDayRecord, createState, simulateDay } from "../kernel/index.ts";
import { compiled } from "./compiled.ts";
import { createKpiWriter } from "./kpis.ts";
import { seriesLayout, writeSeries } from "./series.ts";
import { startReplication } from "./simulation.ts";

export function runBatch(scenario: Scenario, req: BatchRequest): BatchResult {
  const { from, to } = req;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`from/to: expected integers 0 <= from <= to, got from=${from}, to=${to}`);
  }
  const net = compiled(scenario), st = createState(net), acc = createAccumulators(net);
  const writer = createKpiWriter(net), rows = to - from;
  const values = new Float64Array(rows * writer.columns);
  const cells = req.series ? seriesLayout(scenario).cells : 0;
  const series = req.series ? new Float32Array(rows * cells) : undefined;
  if (series) acc.record = createDayRecord(net);
  for (let r = from; r < to; r++) {
    startReplication(net, st, acc, r);
    for (let t = 0; t < net.horizon; t++) simulateDay(net, st, acc);
    writer.write(acc, values, (r - from) * writer.columns);
    if (series) writeSeries(net, acc, series, (r - from) * cells);
  }
  return series ? { from, to, columns: writer.columns, values, series } : { from, to, columns: writer.columns, values };
}
