import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelRequest } from './labels';

const bounds = { x: 0, y: 0, width: 1000, height: 700 };
const label = (id: string, x: number, y: number, width = 100, priority = 10, mode: 'point' | 'area' = 'point'): LabelRequest => ({ id, x, y, width, height: 12, priority, mode });

describe('label placement', () => {
  it('puts a label right of its point when there is room', () => {
    const [p] = placeLabels([label('a', 100, 100)], bounds);
    expect(p).toMatchObject({ visible: true, anchor: 'start' });
    expect(p.box!.x).toBeGreaterThan(100);
  });

  it('moves a crowded label to another side and never lets two visible labels overlap', () => {
    const crowd = [label('church', 400, 260, 160, 40), label('signal', 396, 250, 190, 45), label('palace', 398, 300, 150, 40), label('bridge', 392, 220, 170, 40), label('kosmidion', 385, 235, 170, 40)];
    const placed = placeLabels(crowd, bounds);
    const visible = placed.filter((p) => p.visible);
    expect(visible.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < visible.length; i++) for (let j = i + 1; j < visible.length; j++) expect(overlaps(visible[i].box!, visible[j].box!)).toBe(false);
    expect(placed.find((p) => p.id === 'signal')!.visible).toBe(true); // the higher priority is placed first
  });

  it('keeps labels inside the map: flips left at the right edge, hides what fits nowhere', () => {
    const [edge] = placeLabels([label('chelae', 960, 80)], bounds);
    expect(edge).toMatchObject({ visible: true, anchor: 'end' });
    expect(edge.box!.x + edge.box!.width).toBeLessThanOrEqual(1000);
    const [outside] = placeLabels([label('hebdomon', -20, 300)], bounds);
    expect(outside.visible).toBe(false);
    const [tooWide] = placeLabels([label('wide', 500, 300, 1200)], bounds);
    expect(tooWide.visible).toBe(false);
  });

  it('keeps off the map furniture and, when it can, off symbols', () => {
    const arrow = { x: 940, y: 20, width: 50, height: 80 };
    const [p] = placeLabels([label('near-arrow', 930, 60, 40)], bounds, [arrow]);
    expect(p.visible).toBe(true);
    expect(overlaps(p.box!, arrow)).toBe(false);
    const circle = { x: 105, y: 80, width: 40, height: 40 };
    const [q] = placeLabels([label('by-a-circle', 100, 100, 60)], bounds, [], [circle]);
    expect(overlaps(q.box!, circle)).toBe(false);
  });

  it('lets an area name slide off another one rather than vanish', () => {
    const [city, water] = placeLabels([label('city', 500, 300, 120, 90, 'area'), label('water', 500, 302, 80, 80, 'area')], bounds);
    expect(city.visible && water.visible).toBe(true);
    expect(overlaps(city.box!, water.box!)).toBe(false);
  });
});
