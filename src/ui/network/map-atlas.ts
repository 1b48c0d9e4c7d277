/**
 * The world the map is drawn on: Natural Earth country shapes from the `world-atlas` package,
 * bundled with the app and loaded only when a map is first shown (a chunk of their own), so the
 * map works offline and no request ever leaves the page: there are no tile servers.
 *
 * Two levels of detail: 1:50m (about 240 KB gzipped) for a region, 1:110m (about 40 KB) for a
 * network spread over the world, where finer coastlines would only cost drawing time.
 *
 * Drawing every 1:50m coastline through a projection takes longer than a frame, so the shapes are
 * kept as single polygons and border lines, each with its longitude/latitude box, and a view draws
 * only those whose box meets it (the US view draws a few dozen of about 1,400 polygons). The
 * conversion from TopoJSON yields to the page between countries, so no task blocks it for long.
 */
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, MultiLineString, MultiPolygon, Position } from "geojson";

export type AtlasDetail = "fine" | "coarse";
/** West, south, east, north in degrees. */
export type Box = readonly [number, number, number, number];

interface Piece<T> { readonly box: Box; readonly coordinates: T }

export interface Atlas {
  /** Every country's polygons: together they are the land. */
  readonly land: readonly Piece<Position[][]>[];
  /** Borders between countries, each drawn once, as lines. */
  readonly borders: readonly Piece<Position[]>[];
}

/** Time the conversion may hold the page before it yields, in ms. */
const SLICE_MS = 8;

const loading = new Map<AtlasDetail, Promise<Atlas>>();

/** The atlas at a level of detail, loaded on first call; a failed load is retried on the next call. */
export function loadAtlas(detail: AtlasDetail): Promise<Atlas> {
  let p = loading.get(detail);
  if (!p) {
    p = readAtlas(detail).catch((e: unknown) => {
      loading.delete(detail);
      throw e;
    });
    loading.set(detail, p);
  }
  return p;
}

async function readAtlas(detail: AtlasDetail): Promise<Atlas> {
  const [{ default: json }, { feature, mesh }] = await Promise.all([
    detail === "fine" ? import("world-atlas/countries-50m.json") : import("world-atlas/countries-110m.json"),
    import("topojson-client"),
  ]);
  const topology = json as unknown as Topology<{ countries: GeometryCollection }>;
  const land: Piece<Position[][]>[] = [];
  let slice = performance.now();
  for (const geometry of topology.objects.countries.geometries) {
    const shape = (feature(topology, geometry) as Feature).geometry;
    const polygons = shape?.type === "Polygon" ? [shape.coordinates] : shape?.type === "MultiPolygon" ? shape.coordinates : [];
    for (const polygon of polygons) land.push({ box: boxOf(polygon[0]), coordinates: polygon });
    if (performance.now() - slice > SLICE_MS) { await yieldToPage(); slice = performance.now(); }
  }
  const lines = (mesh(topology, topology.objects.countries, (a, b) => a !== b) as MultiLineString).coordinates;
  await yieldToPage();
  return { land, borders: lines.map((line) => ({ box: boxOf(line), coordinates: line })) };
}

/** The box of a ring or line; one that crosses the antimeridian (a jump of over 180°) spans every longitude. */
export function boxOf(points: readonly Position[]): Box {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const [lon, lat] = points[i];
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return e - w > 180 ? [-180, s, 180, n] : [w, s, e, n];
}

const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The land and borders whose boxes meet `view` (everything when there is no view box). */
export function visibleShapes(atlas: Atlas, view: Box | undefined): { land: MultiPolygon; borders: MultiLineString } {
  const keep = <T>(pieces: readonly Piece<T>[]) => pieces.filter((p) => !view || meets(p.box, view)).map((p) => p.coordinates);
  return { land: { type: "MultiPolygon", coordinates: keep(atlas.land) }, borders: { type: "MultiLineString", coordinates: keep(atlas.borders) } };
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
