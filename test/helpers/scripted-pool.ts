// A ReplicationPool with no workers, for tests of the Monte Carlo core (src/sim/montecarlo): the
// test's `deliver` plays the workers' part for each job — by default every chunk in replication
// order, with series rows or block sums as the job asks, from the fake engine's values — and the
// pool records what the core asked of it.
import type { BatchResult, KpiColumn, SeriesLayout } from "../../src/sim/model/batch.ts";
import type { Scenario } from "../../src/sim/model/scenario.ts";
import type { ReducedBatch, ReplicationJob, ReplicationPool } from "../../src/sim/montecarlo/replication-pool.ts";
import { blockSums } from "../../src/sim/montecarlo/series-blocks.ts";
import { addRows, createSeriesHistograms, histogramBands } from "../../src/sim/montecarlo/series-histograms.ts";
import { fakeBatch, fakeColumns, fakeLayout } from "./fake-engine.ts";

export interface ScriptedPoolOptions {
  readonly deliver?: (job: ReplicationJob) => Promise<void>;
  readonly layout?: SeriesLayout;
  readonly columns?: KpiColumn[];
  /** Added to every KPI value of a scenario's replications (the fake engine ignores the scenario). */
  readonly shift?: (s: Scenario) => number;
}

export type ScriptedPool = ReplicationPool & { readonly jobs: ReplicationJob[]; readonly bandsAsked: string[]; readonly taken: string[] };

export function scriptedPool(size: number, options: ScriptedPoolOptions = {}): ScriptedPool {
  const layout = options.layout ?? fakeLayout, columns = options.columns ?? fakeColumns;
  const jobs: ReplicationJob[] = [], bandsAsked: string[] = [], taken: string[] = [];
  const deliver = options.deliver ?? ((job) => everyChunk(job, options.shift, columns.length));
  return {
    size, jobs, bandsAsked, taken,
    describe: async () => ({ columns, layout }),
    run: async (job) => { jobs.push(job); await deliver(job); },
    seriesBands: async (run) => { bandsAsked.push(run); return histogramBands(countedRows(jobs[0].to, layout)); },
    takeSeries: async (run) => { taken.push(run); return []; },
    trace: () => Promise.reject(new Error("no traces here")),
  };
}

/** Replications from … to − 1 as a worker returns them for `job`: KPI values with rows, block sums, or alone. */
export function scriptedChunk(job: ReplicationJob, from: number, to: number, shift = 0, columns = fakeColumns.length): BatchResult | ReducedBatch {
  const b = fakeBatch({ from, to }, columns), values = b.values.map((v) => v + shift);
  if (job.reduceSeries !== undefined) {
    const rows = fakeBatch({ from, to, series: true }).series!;
    return { ...b, values, blockSums: blockSums(rows, to - from, fakeLayout.cells, from) };
  }
  return job.series ? { ...b, values, series: fakeBatch({ from, to, series: true }).series } : { ...b, values };
}

/** Every chunk of `job` in replication order, awaiting the job's back-pressure after each. */
export async function everyChunk(job: ReplicationJob, shift?: (s: Scenario) => number, columns?: number): Promise<void> {
  for (let from = 0; from < job.to; from += job.chunkSize) {
    job.onChunk(scriptedChunk(job, from, Math.min(job.to, from + job.chunkSize), shift?.(job.scenario) ?? 0, columns));
    await job.ready?.();
  }
}

/** Every replication's series counted into one set of histograms, as the workers' merged ones would be. */
function countedRows(total: number, layout: SeriesLayout) {
  const h = createSeriesHistograms(layout.cells);
  addRows(h, fakeBatch({ from: 0, to: total, series: true }).series!, total);
  return h;
}
