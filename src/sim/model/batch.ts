/**
 * The contract between the engine (src/sim/engine), the statistics (src/sim/stats,
 * src/sim/montecarlo) and the workers (src/workers): a batch of replications in, flat typed
 * arrays out. Flat arrays because they cross worker boundaries by structured clone, which is
 * ~50× cheaper for one Float64Array than for an object per KPI (shared/bench/README.md).
 */

/** One per-replication KPI value's place in `BatchResult.values`. `id` is "" for the network. */
export interface KpiColumn {
  readonly scope: "network" | "node" | "product";
  readonly id: string;
  readonly key: string;
}

export interface BatchRequest {
  /** First replication index (inclusive). */
  readonly from: number;
  /** Last replication index (exclusive). */
  readonly to: number;
  /** Also return per-day series (see `SeriesLayout`). */
  readonly series?: boolean;
}

export interface BatchResult {
  readonly from: number;
  readonly to: number;
  /** Number of KPI columns (= kpiColumns(scenario).length). */
  readonly columns: number;
  /** (to − from) × columns, row-major; NaN where a KPI is undefined in that replication. */
  readonly values: Float64Array;
  /** With `series`: (to − from) × SeriesLayout.cells, row-major. */
  readonly series?: Float32Array;
}

/**
 * Per-day values of one replication, for fan charts. Cell index of (metric m, node n, day t):
 * `(m * nodes.length + n) * horizon + t`, with m = 0 onHand, 1 backorders (all the node owes),
 * 2 inTransit (to the node); then the network's daily fill rate at `3 * nodes.length * horizon + t`
 * (NaN on a day without demand). Nodes in scenario order, all products summed; days 0 … horizon − 1.
 */
export interface SeriesLayout {
  readonly nodes: readonly string[];
  readonly horizon: number;
  readonly cells: number;
}

/**
 * Everything that happened in one replication, day by day, for the Watch view. Arrays indexed
 * `[day * nodes.length + node]` hold end-of-day values summed over products.
 */
export interface Trace {
  readonly replication: number;
  readonly horizon: number;
  readonly nodes: readonly string[];
  readonly lanes: readonly { readonly from: string; readonly to: string }[];
  readonly onHand: Float64Array;
  readonly backorders: Float64Array;
  readonly inTransit: Float64Array;
  /** Customer demand on the day. */
  readonly demand: Float64Array;
  /** Network fill rate of the day (NaN without demand), [day]. */
  readonly fillRate: Float64Array;
  /** Shipments, as parallel arrays: lane index (into `lanes`; −1 for a lateral transfer or expedite), days, units. */
  readonly shipmentLane: Int32Array;
  readonly shipmentFrom: Int32Array;
  readonly shipmentTo: Int32Array;
  readonly shipmentDepart: Int32Array;
  readonly shipmentArrive: Int32Array;
  readonly shipmentQuantity: Float64Array;
}
