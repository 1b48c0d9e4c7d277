/**
 * The scenario schema: the one source of truth for structural validation and for the published
 * JSON Schema (scenarios/echelon-scenario.schema.json). It checks shapes, types, ranges and size
 * limits; rules that relate one field to another (ids, the lane graph, S >= s, windows inside the
 * horizon) are in ../checks/, run on whatever parts of the document are well-formed.
 */
import { z } from "zod";
import { NODE_KINDS, SCENARIO_FORMAT } from "../../model/scenario.ts";
import { LIMITS } from "../limits.ts";
import { demandDistributionSchema, leadTimeSchema } from "./distribution.ts";
import { amount, correlation, degrees, doc, expecting, finite, id, idMap, list, perProduct, positive, strict, text, whole, wholeDays } from "./fields.ts";
import { policySchema } from "./policy.ts";

const productSchema = strict({ id: doc(id(), "Unique product id."), name: text().optional(), unitCost: doc(amount(), "Value of one unit (default 1).").optional() }).meta({ id: "Product", title: "Product" });

const locationSchema = strict({
  lat: doc(degrees(90), "Latitude in degrees, -90 to 90 (north positive)."),
  lon: doc(degrees(180), "Longitude in degrees, -180 to 180 (east positive)."),
  place: doc(text(), "Place name shown on the map.").optional(),
}).meta({ id: "Location", title: "Location" });

/** One product a node makes from components (extension); cross-references are checked in ../checks/bom.ts. */
const recipeSchema = strict({
  product: doc(id(), "The product made here: the node stocks it (its policy orders production) and no lane brings it here."),
  components: doc(
    idMap(positive(), "an object mapping component product ids to units per unit made (numbers > 0)", 1, LIMITS.componentsPerRecipe),
    "Component product id → units of it consumed per unit made (> 0, fractions allowed); each is stocked at the node.",
  ),
  assemblyTime: doc(wholeDays(0), "Whole days from the start of an assembly until its units are on hand (default 0).").optional(),
}).meta({ id: "Recipe", title: "Recipe" });

const nodeSchema = strict({
  id: doc(id(), "Unique node id."),
  name: doc(text(), "Display name.").optional(),
  kind: doc(z.enum(NODE_KINDS), "Suppliers are outside sources with no stock; every other kind stocks."),
  holdingCost: doc(perProduct(amount(), "a number >= 0", "numbers >= 0"), "Cost per unit on hand per day, or per product (default 0).").optional(),
  policy: doc(perProduct(policySchema, "a policy object", "policy objects"), "Required for stocking nodes; a per-product map lists the products the node stocks.").optional(),
  initialInventory: doc(perProduct(amount(), "a number >= 0", "numbers >= 0"), "Default: the policy's order-up-to level.").optional(),
  serviceTime: doc(amount(), "Days this node promises to fill an order in (optimisation).").optional(),
  processingTime: doc(amount(), "Days added to the inbound lead time (optimisation).").optional(),
  priority: doc(finite(), "For allocation \"priority\": lower is served first (default 1).").optional(),
  capacity: strict({ storage: doc(amount(), "Max units on hand, all products.").optional(), throughput: doc(amount(), "Max units shipped per day, all products.").optional() }).optional(),
  location: doc(locationSchema, "Extension: where the node is, for the workbench's map; the engine never reads it.").optional(),
  bom: doc(list(recipeSchema, LIMITS.recipesPerNode), "Extension: the products this node makes from components it stocks, one recipe per product (docs/scenario-format.md, \"Bills of materials\").").optional(),
}).meta({ id: "Node", title: "Node" });

/** A lane's part in a sourcing rule: a fixed split fraction, or the primary or a backup source. */
const sourcingSchema = expecting(
  z.union([
    strict({ split: doc(expecting(z.number().gt(0).lte(1), "a number > 0 and <= 1"), "The fraction of each order placed on this lane; the fractions of a node's inbound lanes for a product sum to 1.") }),
    strict({ role: doc(z.enum(["primary", "backup"]), "\"primary\": orders go here while it can ship; \"backup\": takes what the primary cannot ship that day.") }),
  ]),
  'an object with "split" (a fraction) or "role" ("primary" or "backup")',
).meta({ id: "Sourcing", title: "Sourcing" });

const laneSchema = strict({
  from: doc(id(), "Upstream node id."),
  to: doc(id(), "Downstream node id (never a supplier)."),
  leadTime: leadTimeSchema,
  costPerUnit: doc(amount(), "Transport cost per unit shipped.").optional(),
  costPerShipment: doc(amount(), "Fixed cost per shipment.").optional(),
  capacity: doc(amount(), "Max units departing per day, all products.").optional(),
  overtaking: doc(z.boolean(), "Whether a shipment may arrive before one that departed earlier (default false).").optional(),
  products: doc(list(id(), LIMITS.products, 1), "Extension: the products this lane carries (default: all).").optional(),
  sourcing: doc(sourcingSchema, "Extension: this lane's part in its node's sourcing rule, when the node has several inbound lanes for a product (docs/scenario-format.md, \"Several sources\").").optional(),
}).meta({ id: "Lane", title: "Lane" });

const demandSchema = strict({
  node: doc(id(), "The stocking node that faces this demand."),
  product: doc(id(), "Required when there are several products.").optional(),
  dist: demandDistributionSchema,
  seasonality: strict({ cycle: whole(1, LIMITS.horizon), factors: list(amount(), LIMITS.distributionValues, 1) }).optional(),
  trend: doc(expecting(z.number().gt(-1), "a number > -1"), "Mean multiplied by (1 + trend)^t.").optional(),
}).meta({ id: "Demand", title: "Demand" });

const correlationSchema = expecting(
  z.union([
    strict({ rho: correlation() }),
    strict({ groups: list(strict({ nodes: list(id(), LIMITS.nodes, 1), rho: correlation() }), LIMITS.nodes, 1) }),
  ]),
  'an object with "rho" or "groups"',
);

const costsSchema = strict({ backorderPerUnitDay: amount().optional(), lostSalePerUnit: amount().optional(), orderFixed: amount().optional() });

const timeWindow = { start: whole(0, LIMITS.horizon), end: whole(0, LIMITS.horizon) };
const nodeOrAll = expecting(z.string().regex(/^(\*|[A-Za-z0-9_.-]{1,64})$/), 'a node id or "*"');
const disruptionSchema = expecting(
  z.discriminatedUnion("type", [
    strict({ type: z.literal("lane-delay"), from: id(), to: id(), extraDays: wholeDays(0), ...timeWindow }),
    strict({ type: z.literal("lane-outage"), from: id(), to: id(), ...timeWindow }),
    strict({ type: z.literal("node-outage"), node: id(), ...timeWindow }),
    strict({ type: z.literal("demand-shock"), node: nodeOrAll, product: id().optional(), multiplier: amount(), ...timeWindow }),
    strict({ type: z.literal("capacity-cut"), node: id().optional(), from: id().optional(), to: id().optional(), factor: amount(), ...timeWindow }),
    strict({ type: z.literal("random-outage"), node: id().optional(), from: id().optional(), to: id().optional(), mtbf: positive(), mttr: positive() }),
  ]).meta({ id: "Disruption", title: "Disruption" }),
  "a disruption object",
);

const mitigationsSchema = strict({
  lateralTransfers: strict({
    among: list(id(), LIMITS.nodes, 2),
    leadTime: leadTimeSchema,
    costPerUnit: amount().optional(),
    trigger: z.enum(["below-zero", "below-reorder-point"]),
  }).optional(),
  expedite: list(strict({
    from: id(),
    to: id(),
    leadTime: leadTimeSchema,
    costPerUnit: amount().optional(),
    when: z.literal("position-below"),
    threshold: amount(),
  }), LIMITS.lanes).optional(),
});

export const scenarioSchema = strict({
  $schema: doc(z.string(), "The JSON Schema of this file, for editors.").optional(),
  format: z.literal(SCENARIO_FORMAT),
  name: expecting(z.string().min(1).max(LIMITS.textField), "a name"),
  description: text().optional(),
  horizon: doc(whole(1, LIMITS.horizon), "Days simulated per replication."),
  warmup: doc(whole(0, LIMITS.horizon), "First days excluded from every KPI; less than horizon."),
  replications: doc(whole(1, LIMITS.replications), "Monte Carlo replications."),
  seed: doc(expecting(z.union([z.int(), z.string().max(LIMITS.textField)]), "a whole number or a string"), "Same seed, same results, bit for bit."),
  unmetDemand: doc(z.enum(["backorder", "lost"]), "What customers do when a demand node is out: wait or leave."),
  allocation: doc(z.enum(["fifo", "proportional", "priority"]), "How a node shares short stock among downstream orders."),
  products: list(productSchema, LIMITS.products, 1).optional(),
  nodes: list(nodeSchema, LIMITS.nodes, 1),
  lanes: list(laneSchema, LIMITS.lanes),
  demand: list(demandSchema, LIMITS.demand),
  demandCorrelation: correlationSchema.optional(),
  costs: costsSchema.optional(),
  disruptions: list(disruptionSchema, LIMITS.disruptions).optional(),
  mitigations: mitigationsSchema.optional(),
}).meta({ title: "Echelon scenario", description: "A multi-echelon inventory network to simulate (format echelon-scenario@1)." });
