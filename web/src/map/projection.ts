import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Mercator projection fitted to the map frame (the land feature spans the whole frame). */
export function fitProjection(frame: Feature | FeatureCollection, width: number, height: number): GeoProjection {
  return geoMercator().fitSize([width, height], frame);
}

/** SVG path data for a feature under a projection. */
export function pathOf(projection: GeoProjection, feature: Feature<Geometry> | Geometry): string {
  return geoPath(projection)(feature) ?? '';
}

const EARTH_RADIUS_M = 6371008.8;

/** Ground metres per screen pixel at a latitude, under the projection and a zoom factor. */
export function metresPerPixel(projection: GeoProjection, lat: number, lon: number, zoom = 1): number {
  const a = projection([lon, lat]);
  const b = projection([lon + 0.01, lat]);
  if (!a || !b) return NaN;
  const pixels = Math.hypot(b[0] - a[0], b[1] - a[1]) * zoom;
  const metres = (0.01 * Math.PI / 180) * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180);
  return metres / pixels;
}

/** A round scale-bar length (1, 2 or 5 × 10^n metres) that is at most `maxPixels` long. */
export function scaleBar(metresPerPx: number, maxPixels: number): { metres: number; pixels: number; label: string } {
  const max = metresPerPx * maxPixels;
  const power = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= max) ?? power;
  return { metres, pixels: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** Evenly spaced points along a projected polyline, e.g. the towers of a wall. */
export function pointsAlong(points: [number, number][], count: number): [number, number][] {
  if (points.length < 2 || count <= 0) return [];
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    let d = ((k + 0.5) / count) * total;
    let i = 0;
    while (i < lengths.length - 1 && d > lengths[i]) d -= lengths[i++];
    const t = lengths[i] === 0 ? 0 : d / lengths[i];
    out.push([points[i][0] + t * (points[i + 1][0] - points[i][0]), points[i][1] + t * (points[i + 1][1] - points[i][1])]);
  }
  return out;
}

type Ring = number[][];

/** Planar signed area of a lon/lat ring (shoelace): positive when counter-clockwise with north up. */
export function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/**
 * GeoJSON files follow RFC 7946 (outer rings counter-clockwise); d3-geo works on the sphere and reads a
 * counter-clockwise ring as "everything but this area". Turn outer rings clockwise and holes counter-clockwise.
 */
export function rewindForD3<T extends FeatureCollection>(collection: T): T {
  const fix = (rings: Ring[]) => rings.map((r, i) => ((i === 0 ? signedArea(r) > 0 : signedArea(r) < 0) ? [...r].reverse() : r));
  for (const f of collection.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') g.coordinates = fix(g.coordinates);
    else if (g?.type === 'MultiPolygon') g.coordinates = g.coordinates.map(fix);
  }
  return collection;
}
