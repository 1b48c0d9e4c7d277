/**
 * The maths of the network map, without DOM: which nodes of a (possibly half-edited) scenario
 * have a usable location, the projection that fits them into a box, and the lanes as
 * great-circle arcs. d3-geo's path generator resamples a LineString along the great circle, so
 * an arc between two points is the shortest route on the globe, bent as the projection bends it.
 */
import { geoInterpolate, geoMercator, geoNaturalEarth1, type GeoProjection } from "d3-geo";

/** A node with a location the map can draw, by its index in the scenario. */
export interface LocatedNode {
  readonly index: number;
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly place?: string;
}

/** A lane whose two ends both have a location. */
export interface LaneArc {
  readonly index: number;
  readonly from: LocatedNode;
  readonly to: LocatedNode;
}

export interface MapNetwork {
  readonly nodes: readonly unknown[];
  readonly lanes: readonly unknown[];
}

/** Where the map stands: the nodes it can place, the indices of those it cannot, and the arcs. */
export interface MapPlacement {
  readonly located: readonly LocatedNode[];
  readonly missing: readonly number[];
  readonly arcs: readonly LaneArc[];
}

/**
 * A fit never zooms in closer than this many degrees across (about 20 km), so that a single node
 * shows its surroundings, while stores a few kilometres apart in one city still spread out.
 */
export const MIN_SPAN_DEGREES = 0.2;
/** Beyond this many degrees of longitude (or latitude) the map switches from Mercator to Natural Earth, which keeps the poles in bounds. */
export const WORLD_SPAN_DEGREES = 90;
/** Mercator stretches towards the poles without end: fits clamp latitudes to this. */
const MERCATOR_LAT_LIMIT = 80;

type Fields = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null;
const inRange = (v: unknown, bound: number): v is number => typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= bound;

/** The node's location, when it is complete and on the globe (the validator reports the rest). */
export function locationOf(node: unknown): { lat: number; lon: number; place?: string } | undefined {
  const loc = isObject(node) ? node.location : undefined;
  if (!isObject(loc) || !inRange(loc.lat, 90) || !inRange(loc.lon, 180)) return undefined;
  return { lat: loc.lat, lon: loc.lon, ...(typeof loc.place === "string" && loc.place ? { place: loc.place } : {}) };
}

/** Splits the nodes into those the map can place and those it cannot, and pairs up the lanes. */
export function placeNetwork(net: MapNetwork): MapPlacement {
  const located: LocatedNode[] = [], missing: number[] = [];
  const byId = new Map<string, LocatedNode>();
  net.nodes.forEach((node, index) => {
    const loc = locationOf(node);
    const id = isObject(node) ? String(node.id ?? "") : "";
    if (!loc) { missing.push(index); return; }
    const placed = { index, id, ...loc };
    located.push(placed);
    byId.set(id, placed);
  });
  const arcs = net.lanes.flatMap((lane, index) => {
    const from = isObject(lane) ? byId.get(String(lane.from)) : undefined;
    const to = isObject(lane) ? byId.get(String(lane.to)) : undefined;
    return from && to && from !== to ? [{ index, from, to }] : [];
  });
  return { located, missing, arcs };
}

/** The points' bounding box in degrees, widened to at least MIN_SPAN_DEGREES each way about its centre. */
export function extentOf(points: readonly { lon: number; lat: number }[]): { west: number; east: number; south: number; north: number } {
  if (!points.length) return { west: -170, east: 170, south: -58, north: 75 };
  const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
  let west = Math.min(...lons), east = Math.max(...lons), south = Math.min(...lats), north = Math.max(...lats);
  const widen = (lo: number, hi: number, bound: number): [number, number] => {
    if (hi - lo >= MIN_SPAN_DEGREES) return [lo, hi];
    const mid = Math.min(bound - MIN_SPAN_DEGREES / 2, Math.max(-bound + MIN_SPAN_DEGREES / 2, (lo + hi) / 2));
    return [mid - MIN_SPAN_DEGREES / 2, mid + MIN_SPAN_DEGREES / 2];
  };
  [west, east] = widen(west, east, 180);
  [south, north] = widen(south, north, 90);
  return { west, east, south, north };
}

/** Whether the points spread over more than WORLD_SPAN_DEGREES, so that the map shows the world (Natural Earth). */
export function isWorldView(points: readonly { lon: number; lat: number }[]): boolean {
  const box = extentOf(points);
  return box.east - box.west > WORLD_SPAN_DEGREES || box.north - box.south > WORLD_SPAN_DEGREES;
}

/**
 * The longitudes and latitudes a Mercator view of width × height shows, as [west, south, east,
 * north]: Mercator keeps meridians and parallels straight, and maps 360° of longitude onto
 * 2π × scale pixels. Undefined when the view shows every longitude or crosses the antimeridian
 * (then a caller draws everything).
 */
export function viewBox(projection: GeoProjection, width: number, height: number): [number, number, number, number] | undefined {
  const span = (width / projection.scale()) * (180 / Math.PI);
  const nw = projection.invert?.([0, 0]), se = projection.invert?.([width, height]);
  if (!nw || !se || span >= 360 || ![...nw, ...se].every(Number.isFinite)) return undefined;
  const west = nw[0], east = west + span;
  return east > 180 ? undefined : [west, se[1], east, nw[1]];
}

/**
 * A projection that fits the points into a `width` × `height` box less `padding` on every side,
 * then zooms by `zoom` about the box's centre (1 = fitted). Mercator for a region, where it keeps
 * shapes and bearings; Natural Earth for a network spread over the world.
 */
export function fitProjection(points: readonly { lon: number; lat: number }[], width: number, height: number, padding: number, zoom = 1): GeoProjection {
  const box = extentOf(points);
  const world = isWorldView(points);
  const clamp = (lat: number) => (world ? lat : Math.max(-MERCATOR_LAT_LIMIT, Math.min(MERCATOR_LAT_LIMIT, lat)));
  const corners = [[box.west, clamp(box.south)], [box.east, clamp(box.south)], [box.east, clamp(box.north)], [box.west, clamp(box.north)]];
  const projection = (world ? geoNaturalEarth1() : geoMercator())
    .fitExtent([[padding, padding], [Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)]], { type: "MultiPoint", coordinates: corners });
  return zoomAbout(projection, zoom, width / 2, height / 2).clipExtent([[0, 0], [width, height]]);
}

/**
 * Scales `projection` by `zoom` about the screen point (cx, cy). A d3 projection draws a point at
 * translate + scale × raw(point), so zooming about c keeps c fixed: translate' = c + zoom × (translate − c).
 */
export function zoomAbout(projection: GeoProjection, zoom: number, cx: number, cy: number): GeoProjection {
  const [tx, ty] = projection.translate();
  return projection.scale(projection.scale() * zoom).translate([cx + zoom * (tx - cx), cy + zoom * (ty - cy)]);
}

/** The lane's great-circle route as GeoJSON, for d3-geo's path generator. */
export function arcLine(arc: LaneArc): { type: "LineString"; coordinates: [number, number][] } {
  return { type: "LineString", coordinates: [[arc.from.lon, arc.from.lat], [arc.to.lon, arc.to.lat]] };
}

/** The point halfway along the great circle, where a disrupted lane's mark sits. */
export function arcMidpoint(arc: LaneArc): [number, number] {
  return geoInterpolate([arc.from.lon, arc.from.lat], [arc.to.lon, arc.to.lat])(0.5);
}
