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
import { amount, correlation, expecting, finite, id, list, perProduct, positive, strict, text, whole } from "./fields.ts";
import { policySchema } from "./policy.ts";

const productSchema = strict({ id: id(), name: text().optional(), unitCost: amount().optional() }).meta({ id: "Product", title: "Product" });

const nodeSchema = strict({
  id: id(),
  name: text().optional(),
  kind: z.enum(NODE_KINDS),
  holdingCost: perProduct(amount(), "a number >= 0", "numbers >= 0").optional(),
  policy: perProduct(policySchema, "a policy object", "policy objects").optional(),
  initialInventory: perProduct(amount(), "a number >= 0", "numbers >= 0").optional(),
  serviceTime: amount().optional(),
  processingTime: amount().optional(),
  priority: finite().optional(),
  capacity: strict({ storage: amount().optional(), throughput: amount().optional() }).optional(),
}).meta({ id: "Node", title: "Node" });

const laneSchema = strict({
  from: id(),
  to: id(),
  leadTime: leadTimeSchema,
  costPerUnit: amount().optional(),
  costPerShipment: amount().optional(),
  capacity: amount().optional(),
  overtaking: z.boolean().optional(),
  products: list(id(), LIMITS.products, 1).optional(),
}).meta({ id: "Lane", title: "Lane" });

const demandSchema = strict({
  node: id(),
  product: id().optional(),
  dist: demandDistributionSchema,
  seasonality: strict({ cycle: whole(1, LIMITS.horizon), factors: list(amount(), LIMITS.distributionValues, 1) }).optional(),
  trend: expecting(z.number().gt(-1), "a number > -1").optional(),
}).meta({ id: "Demand", title: "Demand" });

const correlationSchema = expecting(
  z.union([
    strict({ rho: correlation() }),
    strict({ groups: list(strict({ nodes: list(id(), LIMITS.nodes, 1), rho: correlation() }), LIMITS.nodes, 1) }),
  ]),
  'an object with "rho" or "groups"',
);

const costsSchema = strict({ backorderPerUnitDay: amount().optional(), lostSalePerUnit: amount().optional(), orderFixed: amount().optional() });

const window = { start: whole(0, LIMITS.horizon), end: whole(0, LIMITS.horizon) };
const nodeOrAll = expecting(z.string().regex(/^(\*|[A-Za-z0-9_.-]{1,64})$/), 'a node id or "*"');
const disruptionSchema = expecting(
  z.discriminatedUnion("type", [
    strict({ type: z.literal("lane-delay"), from: id(), to: id(), extraDays: whole(0), ...window }),
    strict({ type: z.literal("lane-outage"), from: id(), to: id(), ...window }),
    strict({ type: z.literal("node-outage"), node: id(), ...window }),
    strict({ type: z.literal("demand-shock"), node: nodeOrAll, product: id().optional(), multiplier: amount(), ...window }),
    strict({ type: z.literal("capacity-cut"), node: id().optional(), from: id().optional(), to: id().optional(), factor: amount(), ...window }),
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
  $schema: z.string().optional(),
  format: z.literal(SCENARIO_FORMAT),
  name: expecting(z.string().min(1).max(LIMITS.textField), "a name"),
  description: text().optional(),
  horizon: whole(1, LIMITS.horizon),
  warmup: whole(0, LIMITS.horizon),
  replications: whole(1, LIMITS.replications),
  seed: expecting(z.union([z.int(), z.string().max(LIMITS.textField)]), "a whole number or a string"),
  unmetDemand: z.enum(["backorder", "lost"]),
  allocation: z.enum(["fifo", "proportional", "priority"]),
  products: list(productSchema, LIMITS.products, 1).optional(),
  nodes: list(nodeSchema, LIMITS.nodes, 1),
  lanes: list(laneSchema, LIMITS.lanes),
  demand: list(demandSchema, LIMITS.demand),
  demandCorrelation: correlationSchema.optional(),
  costs: costsSchema.optional(),
  disruptions: list(disruptionSchema, LIMITS.disruptions).optional(),
  mitigations: mitigationsSchema.optional(),
}).meta({ title: "Echelon scenario", description: "A multi-echelon inventory network to simulate (format echelon-scenario@1)." });
