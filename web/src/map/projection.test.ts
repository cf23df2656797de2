import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { fitProjection, metresPerPixel, pathOf, pointsAlong, rewindForD3, scaleBar, signedArea } from './projection';

const frame = (): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[28.84, 40.955], [29.09, 40.955], [29.09, 41.095], [28.84, 41.095], [28.84, 40.955]]] },
});

describe('fitProjection', () => {
  it('puts the frame inside the viewport after rewinding for d3', () => {
    const fc = rewindForD3({ type: 'FeatureCollection', features: [frame()] } as FeatureCollection);
    const p = fitProjection(fc.features[0], 1000, 700);
    const [x0, y0] = p([28.84, 41.095])!;
    const [x1, y1] = p([29.09, 40.955])!;
    expect(x0).toBeGreaterThanOrEqual(-0.5);
    expect(y0).toBeGreaterThanOrEqual(-0.5);
    expect(x1).toBeLessThanOrEqual(1000.5);
    expect(y1).toBeLessThanOrEqual(700.5);
    // One side touches the viewport exactly (fitSize keeps the aspect ratio).
    expect(Math.max(x1 - x0, (y1 - y0) * (1000 / 700))).toBeGreaterThan(990);
    // North is up and east is right.
    expect(y0).toBeLessThan(y1);
    expect(x0).toBeLessThan(x1);
  });

  it('without rewinding, an RFC 7946 ring means the whole globe but the frame', () => {
    const p = fitProjection(frame(), 1000, 700);
    const [x0] = p([28.84, 41.095])!;
    const [x1] = p([29.09, 40.955])!;
    expect(Math.abs(x1 - x0)).toBeLessThan(10);
  });

  it('draws a path for a polygon', () => {
    const fc = rewindForD3({ type: 'FeatureCollection', features: [frame()] } as FeatureCollection);
    const p = fitProjection(fc.features[0], 1000, 700);
    expect(pathOf(p, fc.features[0])).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});

describe('rewindForD3', () => {
  it('turns outer rings clockwise and holes counter-clockwise', () => {
    const outer = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    const fc = rewindForD3({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer, hole] } }] } as FeatureCollection);
    const [o, h] = (fc.features[0].geometry as Polygon).coordinates;
    expect(signedArea(o)).toBeLessThan(0);
    expect(signedArea(h)).toBeGreaterThan(0);
  });
});

describe('scale bar', () => {
  it('measures about 84 m per degree-hundredth of longitude at 41° N and picks a round length', () => {
    const fc = rewindForD3({ type: 'FeatureCollection', features: [frame()] } as FeatureCollection);
    const p = fitProjection(fc.features[0], 1000, 700);
    const mpp = metresPerPixel(p, 41.01, 28.95);
    // 0.25° of longitude at 41° N is about 21 km across roughly 940 px.
    expect(mpp).toBeGreaterThan(18);
    expect(mpp).toBeLessThan(26);
    expect(metresPerPixel(p, 41.01, 28.95, 2)).toBeCloseTo(mpp / 2, 6);
    const bar = scaleBar(mpp, 160);
    expect([1000, 2000]).toContain(bar.metres);
    expect(bar.pixels).toBeLessThanOrEqual(160);
    expect(bar.label).toMatch(/km$/);
  });

  it.each([
    [1, 160, 100, '100 m'],
    [10, 160, 1000, '1 km'],
    [30, 160, 2000, '2 km'],
    [0.5, 160, 50, '50 m'],
  ])('at %s m/px within %s px: %s m', (mpp, max, metres, label) => {
    const bar = scaleBar(mpp, max);
    expect(bar.metres).toBe(metres);
    expect(bar.label).toBe(label);
  });
});

describe('pointsAlong', () => {
  it('spaces towers evenly along a bent wall', () => {
    const pts = pointsAlong([[0, 0], [10, 0], [10, 10]], 4);
    expect(pts).toHaveLength(4);
    expect(pts[0][0]).toBeCloseTo(2.5);
    expect(pts[1][0]).toBeCloseTo(7.5);
    expect(pts[2]).toEqual([10, 2.5]);
    expect(pts[3][1]).toBeCloseTo(7.5);
  });

  it('gives nothing for a point or no towers', () => {
    expect(pointsAlong([[1, 1]], 3)).toEqual([]);
    expect(pointsAlong([[0, 0], [1, 1]], 0)).toEqual([]);
  });
});
