// Label placement on the map: each label tries a few spots around its point, takes the first that stays inside the
// visible map and clear of labels already placed (and, if it can, of symbols), and is hidden when none does.
// Everything here is in screen units of the map's view box, after pan and zoom.

export interface Box { x: number; y: number; width: number; height: number }

export interface LabelRequest {
  id: string;
  /** The labelled point on screen. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first. */
  priority: number;
  /** 'point': beside the point (right, left, above, below); 'area': centred on it. */
  mode: 'point' | 'area';
  /** Clearance between the point and a label beside it (default 4). */
  gap?: number;
}

export interface LabelPlacement {
  id: string;
  visible: boolean;
  anchor: 'start' | 'middle' | 'end';
  /** Offset of the text's anchor (baseline) from the point. */
  dx: number;
  dy: number;
  box?: Box;
}

const DEFAULT_GAP = 4;

export function overlaps(a: Box, b: Box, slack = 0): boolean {
  return a.x < b.x + b.width - slack && b.x < a.x + a.width - slack && a.y < b.y + b.height - slack && b.y < a.y + a.height - slack;
}

function inside(a: Box, bounds: Box): boolean {
  return a.x >= bounds.x && a.y >= bounds.y && a.x + a.width <= bounds.x + bounds.width && a.y + a.height <= bounds.y + bounds.height;
}

/** Candidate spots in order of preference: anchor, offset of the baseline, and the box the text would cover. */
function candidates(r: LabelRequest): { anchor: LabelPlacement['anchor']; dx: number; dy: number; box: Box }[] {
  const { x, y, width: w, height: h } = r;
  // An area's name may slide a little up or down its area.
  if (r.mode === 'area') return [0, -1, 1].map((k) => ({ anchor: 'middle' as const, dx: 0, dy: k * h, box: { x: x - w / 2, y: y + k * h - h * 0.8, width: w, height: h } }));
  const descent = h * 0.2;
  const GAP = r.gap ?? DEFAULT_GAP;
  const spot = (anchor: LabelPlacement['anchor'], dx: number, dy: number) => {
    const left = anchor === 'start' ? x + dx : anchor === 'end' ? x + dx - w : x + dx - w / 2;
    return { anchor, dx, dy, box: { x: left, y: y + dy - h + descent, width: w, height: h } };
  };
  return [
    spot('start', GAP, -GAP / 2), // right, a little above
    spot('end', -GAP, -GAP / 2), // left
    spot('start', GAP, h - descent + GAP / 2), // right, below
    spot('end', -GAP, h - descent + GAP / 2), // left, below
    spot('middle', 0, -GAP), // above
    spot('middle', 0, h + GAP), // below
  ];
}

/**
 * Places labels by priority. Hard rules: inside `bounds`, off `reserved` (map furniture), off labels placed before.
 * Soft rule: off `symbols` when some spot allows it.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box, reserved: readonly Box[] = [], symbols: readonly Box[] = []): LabelPlacement[] {
  const placed: Box[] = [];
  const out = new Map<string, LabelPlacement>();
  const order = [...requests].sort((a, b) => b.priority - a.priority);
  for (const r of order) {
    const options = candidates(r).filter((c) => inside(c.box, bounds) && !reserved.some((b) => overlaps(c.box, b)) && !placed.some((b) => overlaps(c.box, b)));
    const best = options.find((c) => !symbols.some((s) => overlaps(c.box, s, 1))) ?? options[0];
    if (best) {
      placed.push(best.box);
      out.set(r.id, { id: r.id, visible: true, anchor: best.anchor, dx: best.dx, dy: best.dy, box: best.box });
    } else {
      out.set(r.id, { id: r.id, visible: false, anchor: 'start', dx: DEFAULT_GAP, dy: 0 });
    }
  }
  return requests.map((r) => out.get(r.id)!);
}
