// Published guaranteed-service instances with assembly stages, written as Echelon scenarios with
// bills of materials: each stage of the book becomes an item (node, product); an arc between two
// stages is a lane when the product moves between nodes, a recipe when one product is made from
// another at a node. Processing times become lane lead times or assembly times.
import type { DemandSpec, Lane, NodeSpec, Scenario } from "../../../src/sim/model/index.ts";
import { base, c } from "./fixtures.ts";

/**
 * Daily demand with mean μ and standard deviation σ exactly: μ − σ or μ + σ, equally likely.
 * (A normal would be cut off at 0 as the engine draws it, which moves σ when μ/σ is small.)
 */
export const twoPoint = (mean: number, sd: number) => ({ type: "discrete", values: [mean - sd, mean + sd], probs: [0.5, 0.5] }) as const;

const bs = (level = 10) => ({ type: "base-stock", level }) as const;
const supplier = (id: string): NodeSpec => ({ id, kind: "supplier" });
const lane = (from: string, to: string, leadTime: number, product: string): Lane => ({ from, to, leadTime: c(leadTime), products: [product] });

/**
 * Snyder & Shen, *Fundamentals of Supply Chain Theory* (2nd ed., 2019), Figure 6.14: a digital
 * camera supply chain (after Graves & Willems 2000). Raw material (T 2) is processed into wafers
 * (3) at the fab, shipped (2) to the imaging plant and assembled with the imager base (4) into
 * imagers (2), shipped (3) to final assembly, and built with the camera body (6), circuit board
 * (4) and other parts (3) into cameras (Build/Test/Pack, 2). σ = 10 per period at the end item,
 * which promises its customers `promise` periods; holding costs as in the book.
 */
export function cameraScenario(promise: number): Scenario {
  const perProduct = (h: Record<string, number>) => ({ policy: Object.fromEntries(Object.keys(h).map((p) => [p, bs()])), holdingCost: h });
  return {
    ...base,
    products: ["raw", "wafer", "base", "imager", "body", "board", "parts", "camera"].map((id) => ({ id })),
    nodes: [
      ...["sup-raw", "sup-base", "sup-body", "sup-board", "sup-parts"].map(supplier),
      { id: "fab", kind: "plant", ...perProduct({ raw: 0.01, wafer: 0.03 }), bom: [{ product: "wafer", components: { raw: 1 }, assemblyTime: 3 }] },
      { id: "imaging", kind: "plant", ...perProduct({ wafer: 0.04, base: 0.06, imager: 0.12 }), bom: [{ product: "imager", components: { wafer: 1, base: 1 }, assemblyTime: 2 }] },
      {
        id: "final", kind: "plant", serviceTime: promise, ...perProduct({ imager: 0.13, body: 0.2, board: 0.08, parts: 0.04, camera: 0.5 }),
        bom: [{ product: "camera", components: { imager: 1, body: 1, board: 1, parts: 1 }, assemblyTime: 2 }],
      },
    ],
    lanes: [
      lane("sup-raw", "fab", 2, "raw"), lane("fab", "imaging", 2, "wafer"), lane("sup-base", "imaging", 4, "base"),
      lane("imaging", "final", 3, "imager"), lane("sup-body", "final", 6, "body"), lane("sup-board", "final", 4, "board"), lane("sup-parts", "final", 3, "parts"),
    ],
    demand: [{ node: "final", product: "camera", dist: twoPoint(10, 10) }],
  };
}

/** The book's stage names, by item, for reading the results. */
export const cameraStages = {
  Raw_Material: ["fab", "raw"], Process_Wafers: ["fab", "wafer"], Package_Test_Wafers: ["imaging", "wafer"], Imager_Base: ["imaging", "base"],
  Imager_Assembly: ["imaging", "imager"], Ship_to_Final_Assembly: ["final", "imager"], Camera: ["final", "body"], Circuit_Board: ["final", "board"],
  Other_Parts: ["final", "parts"], Build_Test_Pack: ["final", "camera"],
} as const;

/**
 * Snyder & Shen Problem 6.9: components 4 (T 3) and 5 (T 8, fed by 6 with T 2) are assembled at
 * stage 3 (T 21), which serves two markets, stages 1 (T 7, μ 22, σ 4.1) and 2 (T 7, μ 15.3,
 * σ 6.2), promising s1 and s2 days. Holding cost 20% a year of the unit values 220, 140, 90, 5,
 * 20 and 7.5, per day; z = 4.
 */
export function problem69Scenario(s1: number, s2: number): Scenario {
  const h = (value: number) => (value * 0.2) / 365;
  const market = (id: string, promise: number, value: number): NodeSpec => ({ id, kind: "dc", serviceTime: promise, policy: { finished: bs() }, holdingCost: h(value) });
  const demand = (node: string, mean: number, sd: number): DemandSpec => ({ node, product: "finished", dist: twoPoint(mean, sd) });
  return {
    ...base,
    products: [{ id: "finished" }, { id: "c4" }, { id: "c5" }],
    nodes: [
      supplier("sup-4"), supplier("sup-6"),
      { id: "stage-6", kind: "plant", policy: { c5: bs() }, holdingCost: h(7.5) },
      { id: "plant", kind: "plant", policy: { finished: bs(), c4: bs(), c5: bs() }, holdingCost: { finished: h(90), c4: h(5), c5: h(20) },
        bom: [{ product: "finished", components: { c4: 1, c5: 1 }, assemblyTime: 21 }] },
      market("market-1", s1, 220), market("market-2", s2, 140),
    ],
    lanes: [
      lane("sup-6", "stage-6", 2, "c5"), lane("stage-6", "plant", 8, "c5"), lane("sup-4", "plant", 3, "c4"),
      lane("plant", "market-1", 7, "finished"), lane("plant", "market-2", 7, "finished"),
    ],
    demand: [demand("market-1", 22, 4.1), demand("market-2", 15.3, 6.2)],
  };
}

/** The book's stages 1–6 of Problem 6.9, by item. */
export const problem69Stages = [["market-1", "finished"], ["market-2", "finished"], ["plant", "finished"], ["plant", "c4"], ["plant", "c5"], ["stage-6", "c5"]] as const;

/**
 * A small assembly network for the simulation optimisers: a plant assembles trucks (1 engine,
 * 4 wheels; 1 day) from components bought from two suppliers, and ships them to two stores
 * (2 days) whose daily demand is Poisson. Dear finished trucks, cheap wheels.
 */
export const truckAssembly: Scenario = {
  ...base,
  name: "truck assembly", horizon: 200, warmup: 40, replications: 20,
  products: [{ id: "truck", unitCost: 50 }, { id: "engine", unitCost: 20 }, { id: "wheel", unitCost: 2 }],
  nodes: [
    supplier("engine-maker"), supplier("wheel-maker"),
    {
      id: "plant", kind: "plant", policy: { truck: bs(20), engine: bs(40), wheel: bs(160) }, holdingCost: { truck: 1, engine: 0.4, wheel: 0.04 },
      bom: [{ product: "truck", components: { engine: 1, wheel: 4 }, assemblyTime: 1 }],
    },
    { id: "north", kind: "store", policy: { truck: bs(15) }, holdingCost: 1.2 },
    { id: "south", kind: "store", policy: { truck: bs(15) }, holdingCost: 1.2 },
  ],
  lanes: [
    lane("engine-maker", "plant", 4, "engine"), lane("wheel-maker", "plant", 2, "wheel"),
    lane("plant", "north", 2, "truck"), lane("plant", "south", 2, "truck"),
  ],
  demand: [
    { node: "north", product: "truck", dist: { type: "poisson", mean: 4 } },
    { node: "south", product: "truck", dist: { type: "poisson", mean: 3 } },
  ],
};

/**
 * `truckAssembly` with wheels made at the plant from hubs, and a spare hub in every truck: the hub
 * item reaches the truck directly and through the wheel, so the items are not a spanning tree.
 */
export const truckWithSpareHub: Scenario = {
  ...truckAssembly,
  name: "truck with a spare hub",
  products: [...truckAssembly.products!, { id: "hub", unitCost: 1 }],
  nodes: truckAssembly.nodes.map((n): NodeSpec => (n.id !== "plant" ? n : {
    ...n, policy: { truck: bs(20), engine: bs(40), wheel: bs(160), hub: bs(200) }, holdingCost: { truck: 1, engine: 0.4, wheel: 0.04, hub: 0.02 },
    bom: [{ product: "truck", components: { engine: 1, wheel: 4, hub: 1 }, assemblyTime: 1 }, { product: "wheel", components: { hub: 1 } }],
  })),
  lanes: truckAssembly.lanes.map((l) => (l.from === "wheel-maker" ? lane("wheel-maker", "plant", 2, "hub") : l)),
};

/**
 * A cyclic item graph, which validation refuses: A makes y from x and ships y to B; B makes x from
 * y and ships x back to A. For the optimiser's own guard against a graph made from itself.
 */
export const cyclicItems = {
  ...base,
  products: [{ id: "x" }, { id: "y" }],
  nodes: [
    { id: "A", kind: "plant", policy: { x: bs(), y: bs() }, bom: [{ product: "y", components: { x: 1 } }] },
    { id: "B", kind: "plant", policy: { x: bs(), y: bs() }, bom: [{ product: "x", components: { y: 1 } }] },
  ],
  lanes: [{ from: "A", to: "B", leadTime: c(1), products: ["y"] }, { from: "B", to: "A", leadTime: c(1), products: ["x"] }],
  demand: [{ node: "A", product: "y", dist: c(1) }],
} as Scenario;
