/**
 * The world the map is drawn on: Natural Earth's 1:50m country shapes from the `world-atlas`
 * package, converted from TopoJSON once. They are bundled with the app and loaded only when a
 * map is first shown (about 240 KB gzipped, a chunk of their own), so the map works offline and
 * no request ever leaves the page: there are no tile servers.
 */
import type { GeometryCollection, Topology } from "topojson-specification";
import type { FeatureCollection, MultiLineString } from "geojson";

export interface Atlas {
  /** Every country as a filled shape: together they are the land. */
  readonly countries: FeatureCollection;
  /** Borders between countries, each drawn once. */
  readonly borders: MultiLineString;
}

let loading: Promise<Atlas> | undefined;

/** The atlas, loaded on first call; a failed load is retried on the next call. */
export function loadAtlas(): Promise<Atlas> {
  loading ??= readAtlas().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function readAtlas(): Promise<Atlas> {
  const [{ default: json }, { feature, mesh }] = await Promise.all([import("world-atlas/countries-50m.json"), import("topojson-client")]);
  const topology = json as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  return { countries, borders };
}
