/**
 * The KPI catalogue (shared/spec/kpis.md): key, unit, meaning, and where it applies.
 * Every figure is measured over days `warmup … horizon − 1` of one replication, then summarised
 * across replications as a `Stat`. The engine, the CLI and the UI all name KPIs from this list.
 */
export type KpiScope = "network" | "node" | "product";

export interface KpiDefinition {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** One sentence, as kpis.md defines it. */
  readonly description: string;
  readonly scopes: readonly KpiScope[];
  /**
   * The KPI's direction, for comparisons: a larger value is better (true: service), worse (false:
   * cost, shortage), or neither (null). Stock levels (on hand, its value, in transit, days of
   * supply, turns), demand and flows are neither: a comparison says they went up or down, never
   * that the change is better — less stock during a disruption is no improvement.
   */
  readonly higherIsBetter: boolean | null;
  /** Extension: the KPI exists only in scenarios with a bill of materials (a column of those results only). */
  readonly assemblyOnly?: boolean;
}

const all: readonly KpiScope[] = ["network", "node", "product"];
const k = (key: string, label: string, unit: string, description: string, scopes: readonly KpiScope[], higherIsBetter: boolean | null): KpiDefinition =>
  ({ key, label, unit, description, scopes, higherIsBetter });

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  k("fillRate", "Fill rate", "0…1", "Units of customer demand served from on hand on the day they were demanded ÷ units demanded (type-2 / β service).", all, true),
  k("cycleServiceLevel", "Cycle service level", "0…1", "Share of (demand node, product, day) with demand > 0 on which all of that day's demand was served at once (type-1 / α service).", all, true),
  k("internalFillRate", "Internal fill rate", "0…1", "Units shipped on the day they were ordered ÷ units ordered by downstream nodes.", ["node"], true),
  k("onHand", "On hand", "units", "Mean end-of-day on hand.", all, null),
  k("onHandValue", "On-hand value", "money", "Mean end-of-day on hand × unit cost.", all, null),
  k("inTransit", "In transit", "units", "Mean end-of-day units in transit to the node (network: all lanes).", all, null),
  k("backorders", "Backorders", "units", "Mean end-of-day customer backorders.", all, false),
  k("owedDownstream", "Owed downstream", "units", "Mean end-of-day units the node owes its downstream nodes.", ["node"], false),
  k("lostSales", "Lost sales", "units/day", "Mean units of customer demand lost per day.", all, false),
  k("unitsShort", "Units short", "units/day", "Customer demand not served on the day it was demanded (backordered or lost), per day; × measured days for the total.", all, false),
  k("demand", "Demand", "units/day", "Mean customer demand per day.", all, null),
  k("inventoryTurns", "Inventory turns", "1/year", "(Units delivered to customers per day × unit cost × 365) ÷ mean on-hand value.", all, null),
  k("daysOfSupply", "Days of supply", "days", "Mean on hand ÷ mean daily customer demand served through the node.", all, null),
  k("orders", "Orders", "per day", "Orders placed per day.", ["network", "node"], null),
  k("holdingCost", "Holding cost", "money/day", "Holding cost on end-of-day on hand, per day.", all, false),
  k("pipelineCost", "Pipeline cost", "money/day", "Holding cost on end-of-day in-transit units at the shipping node's rate, per day.", all, false),
  k("backorderCost", "Backorder cost", "money/day", "Cost of end-of-day customer backorders, per day.", all, false),
  k("lostSaleCost", "Lost-sale cost", "money/day", "Lost-sale penalties, per day.", all, false),
  k("orderCost", "Order cost", "money/day", "Fixed order costs, per day.", ["network", "node"], false),
  k("transportCost", "Transport cost", "money/day", "Transport costs of the day's departures, per day.", ["network", "node"], false),
  k("transferCost", "Transfer cost", "money/day", "Cost of lateral transfers, per day.", ["network", "node"], false),
  k("expediteCost", "Expedite cost", "money/day", "Cost of expedited shipments, per day.", ["network", "node"], false),
  k("totalCost", "Total cost", "money/day", "Sum of all costs, per day.", all, false),
  k("stockoutDays", "Stockout days", "days", "Measured days on which some customer demand was not served at once: at the node (any product), for the product (at any node), or, for the network, at any demand node.", all, false),
  k("maxBackorders", "Max backorders", "units", "Largest end-of-day customer backorders seen.", all, false),
  k("orderVarianceRatio", "Order variance ratio", "ratio", "Variance of the node's daily orders ÷ variance of the daily demand it sees; > 1 is the bullwhip effect.", ["node"], false),
  k("transferred", "Transferred", "units/day", "Units moved by lateral transfers per day.", ["network", "node"], null),
  k("expedited", "Expedited", "units/day", "Units sent on expedite lanes per day.", ["network", "node"], null),
  k("serviceTrough", "Service trough", "0…1", "Lowest 7-day moving fill rate seen.", ["network", "node"], true),
  k("recoveryDays", "Recovery days", "days", "Days from a windowed disruption's start until the 7-day moving fill rate is back within 1 point of its pre-disruption level (NaN if it never recovers).", ["network"], false),
  // Flow balance (extension): totals over the measured days, in units, so that
  // unitsReceived − unitsDelivered − unitsSent − unitsLost = stockEnd − stockStart.
  k("unitsReceived", "Units received", "units", "Units put on the way to the node over the measured days: from its supplier, by lateral transfer or expedite (network: from suppliers only).", ["network", "node"], null),
  k("unitsDelivered", "Units delivered", "units", "Units delivered to customers over the measured days (at once or from backorders).", ["network", "node"], null),
  k("unitsSent", "Units sent", "units", "Units the node sent to other stocking nodes over the measured days: shipped downstream, lateral transfers, expedites.", ["node"], null),
  k("unitsLost", "Units lost", "units", "Units written off from stock over the measured days (only in-transit rounding remainders: the engine destroys no stock).", ["network", "node"], false),
  k("stockStart", "Stock at start", "units", "On hand + in transit at the start of the measured days.", ["network", "node"], null),
  k("stockEnd", "Stock at end", "units", "On hand + in transit at the end of the last day.", ["network", "node"], null),
  // Bills of materials (extension): columns only in scenarios where some node makes a product.
  // With them the flow balance reads unitsReceived − unitsDelivered − unitsSent − unitsLost −
  // unitsConsumed + unitsAssembled = stockEnd − stockStart (stock counts units in assembly as in transit).
  assembly(k("unitsConsumed", "Units consumed", "units", "Component units used by assembly over the measured days (product: units of this product used as a component).", all, null)),
  assembly(k("unitsAssembled", "Units assembled", "units", "Units whose assembly started over the measured days (they are in transit to the node until the assembly time has passed).", all, null)),
  assembly(k("componentStock", "Component stock", "units", "Mean end-of-day units on hand of products held as components of a recipe.", all, null)),
  assembly(k("starvedDays", "Starved days", "days", "Measured days on which an assembly was owed production that its components could not cover: at the node, anywhere (network), or, for a product, with this product among the scarcest components.", all, false)),
  assembly(k("starvedUnits", "Starved units", "units/day", "Units owed to assembly but not started for want of components, per day (product: the shortfall of assemblies this component limited).", all, false)),
];

function assembly(d: KpiDefinition): KpiDefinition {
  return { ...d, assemblyOnly: true };
}

export const KPI_BY_KEY: ReadonlyMap<string, KpiDefinition> = new Map(KPI_DEFINITIONS.map((d) => [d.key, d]));
