import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import coastText from '../../../scenarios/map/coast.geojson?raw';
import siegeText from '../../../scenarios/map/siege-626.geojson?raw';
import { fitProjection, metresPerPixel, pathOf, pointsAlong, rewindForD3, scaleBar } from './projection';
import { integrityColour, SIDE_COLOURS } from './colors';
import type { Replay, SiegeEvent } from '../types';
import type { SiegeState } from '../replay/timeline';
import { recentEvents } from '../replay/timeline';
import { capitalise, engineParkName, eventPlace, eventSentence } from '../replay/eventText';
import { placeLabels, type Box, type LabelRequest } from './labels';

type Props = { id: string; name: string; kind: string; source: string; towers?: number; side?: string; uncertain?: boolean };
type MapFeature = Feature<Geometry, Props>;

const SVG_NS = 'http://www.w3.org/2000/svg';
export const coast = rewindForD3(JSON.parse(coastText) as FeatureCollection<Geometry, Props>);
export const siege = rewindForD3(JSON.parse(siegeText) as FeatureCollection<Geometry, Props>);

const WIDTH = 1000;
const HEIGHT = 700;

/** A circle of men on the map, kept from hour to hour by its key so that it glides when it moves or shrinks. */
interface Men { key: string; id: string; cls: string; x: number; y: number; r: number; fill: string; opacity: number; title: string }

/** Radius in screen units of a body of men at zoom 1 on a desktop (the legend draws the same). */
export function menRadius(men: number): number {
  return 2.5 + Math.sqrt(Math.max(0, men)) / 9;
}

/** Label priorities: the events of the hour first, then the city and the waters, towns, other places. */
const PLACE_PRIORITY: Record<string, number> = { town: 50, camp: 50, anchorage: 50, signal: 45 };

/** The SVG map of Constantinople and its environs, with the replay's state drawn over it. */
export class MapView {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly projection: GeoProjection;
  private readonly world: Selection<SVGGElement, unknown, null, undefined>;
  private readonly overlay: Selection<SVGGElement, unknown, null, undefined>;
  private readonly men: Selection<SVGGElement, unknown, null, undefined>;
  private readonly labels: Selection<SVGGElement, unknown, null, undefined>;
  private readonly actionLabels: Selection<SVGGElement, unknown, null, undefined>;
  /** Symbols drawn this hour, in world units: labels keep clear of them where they can. */
  private symbols: Box[] = [];
  private readonly textEm = new Map<string, number>();
  private zoomTimer = 0;
  private readonly tooltip: HTMLDivElement;
  private transform: ZoomTransform = zoomIdentity;
  private replay?: Replay;
  private sectorFeature: (MapFeature | undefined)[] = [];
  /** Called after each pan or zoom (the replay redraws its symbols at the new scale). */
  onZoom?: () => void;

  constructor(container: HTMLElement) {
    container.classList.add('map-holder');
    const frame = coast.features.find((f) => f.properties.id === 'land')!;
    this.projection = fitProjection(frame, WIDTH, HEIGHT);
    this.svg = select(container)
      .append('svg')
      .attr('class', 'map')
      .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
      .attr('role', 'img')
      .attr('aria-label', 'Map of Constantinople and its environs in 626');
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.hidden = true;
    container.append(this.tooltip);

    this.svg.on('mouseleave pointerdown', () => (this.tooltip.hidden = true));
    this.world = this.svg.append('g').attr('class', 'world');
    this.drawBase();
    this.men = this.world.append('g').attr('class', 'men');
    this.overlay = this.world.append('g').attr('class', 'overlay');
    this.labels = this.world.append('g').attr('class', 'labels');
    this.actionLabels = this.labels.append('g').attr('class', 'action-labels');
    this.drawFurniture();
    this.drawBaseLabels();
    // Widths measured before the web fonts arrived would be wrong: measure again once they are in.
    void document.fonts?.ready.then(() => {
      this.textEm.clear();
      this.layoutLabels();
    });

    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 12])
      .translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        this.world.attr('transform', event.transform.toString());
        this.world.style('--k', String(event.transform.k));
        // Circles glide between hours, not while the map is panned or zoomed.
        this.svg.classed('zooming', true);
        clearTimeout(this.zoomTimer);
        this.zoomTimer = window.setTimeout(() => this.svg.classed('zooming', false), 200);
        this.updateScale();
        this.layoutLabels();
        this.onZoom?.();
      });
    this.svg.call(behaviour);
    // Start on the city and the Golden Horn, with the Asian shore in view.
    this.svg.call(behaviour.transform, zoomIdentity.translate(-240, -60).scale(1.35));
  }

  /** Symbols and labels grow on small screens so they stay legible (1 on a desktop, up to 2.2 on a phone). */
  private get ui(): number {
    const width = this.svg.node()?.getBoundingClientRect().width ?? WIDTH;
    return width > 0 ? Math.min(2.2, Math.max(1, 720 / width)) : 1;
  }

  /**
   * Sizes every label for the zoom and places it: beside its point where it stays inside the map, clear of the map's
   * furniture, of other labels and if possible of the symbols; hidden where it cannot.
   */
  layoutLabels() {
    const t = this.transform;
    const ui = this.ui;
    // Labels hidden by the style sheet (the events' labels on a phone) take no room.
    const texts = this.labels.selectAll<SVGTextElement, unknown>('text').nodes().filter((el) => el.getClientRects().length > 0);
    const requests: LabelRequest[] = texts.map((el, i) => {
      const size = Number(el.dataset.size ?? 11);
      el.setAttribute('font-size', String((size * ui) / t.k));
      const text = el.textContent ?? '';
      let em = this.textEm.get(`${el.getAttribute('class')}|${text}`);
      if (em === undefined) {
        let measured = 0;
        try {
          measured = el.getComputedTextLength() / ((size * ui) / t.k);
        } catch {
          measured = 0;
        }
        em = measured > 0 ? measured : text.length * 0.6;
        if (measured > 0) this.textEm.set(`${el.getAttribute('class')}|${text}`, em);
      }
      const [x, y] = t.apply([Number(el.dataset.ax), Number(el.dataset.ay)]);
      return {
        id: String(i), x, y, width: em * size * ui, height: size * ui * 1.15, priority: Number(el.dataset.priority ?? 0),
        mode: el.dataset.mode === 'area' ? 'area' : 'point', gap: Number(el.dataset.gap ?? 4) * ui,
      };
    });
    const reserved: Box[] = [];
    this.svg.selectAll<SVGGraphicsElement, unknown>('.furniture > *').each(function () {
      // Furniture sits in view-box units (no pan or zoom): its box moved by its own translation.
      const b = this.getBBox();
      const m = this.transform.baseVal.consolidate()?.matrix;
      if (b.width > 0) reserved.push({ x: b.x + (m?.e ?? 0) - 3, y: b.y + (m?.f ?? 0) - 3, width: b.width + 6, height: b.height + 6 });
    });
    const symbols = this.symbols.map((b) => {
      const [x, y] = t.apply([b.x, b.y]);
      return { x, y, width: b.width * t.k, height: b.height * t.k };
    });
    const placements = placeLabels(requests, { x: 2, y: 2, width: WIDTH - 4, height: HEIGHT - 4 }, reserved, symbols);
    placements.forEach((p, i) => {
      const el = texts[i];
      el.setAttribute('x', String(Number(el.dataset.ax) + p.dx / t.k));
      el.setAttribute('y', String(Number(el.dataset.ay) + p.dy / t.k));
      el.setAttribute('text-anchor', p.anchor);
      el.setAttribute('visibility', p.visible ? 'visible' : 'hidden');
    });
  }

  /** Adds a label at a point in world units; `mode` area centres it, point puts it beside the point. */
  private addLabel(layer: Selection<SVGGElement, unknown, null, undefined>, text: string, x: number, y: number, size: number, cls: string, priority: number, mode: 'point' | 'area') {
    return layer.append('text').attr('class', cls).attr('data-ax', x).attr('data-ay', y).attr('data-size', size)
      .attr('data-priority', priority).attr('data-mode', mode).attr('aria-hidden', 'true').text(text);
  }

  /** A layer of the caller's own above the siege's symbols and below the names (the Play page draws its order targets there). */
  addLayer(cls: string): Selection<SVGGElement, unknown, null, undefined> {
    return this.world.insert<SVGGElement>('g', '.labels').attr('class', cls);
  }

  /** How far the map is zoomed in now (1 at the widest): symbols of a layer divide their size by it. */
  get zoomScale(): number {
    return this.transform.k;
  }

  /** Screen position of a longitude/latitude. */
  project(lon: number, lat: number): [number, number] {
    return (this.projection([lon, lat]) ?? [0, 0]) as [number, number];
  }

  private hover<E extends Element>(sel: Selection<E, MapFeature, SVGGElement, unknown>) {
    sel
      .on('mouseenter', (event: Event, d) => this.showTip(event as MouseEvent, d.properties.name, d.properties.source))
      .on('mousemove', (event: Event) => this.moveTip(event as MouseEvent))
      .on('mouseleave', () => (this.tooltip.hidden = true));
  }

  showTip(event: MouseEvent, title: string, source?: string) {
    this.tooltip.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = title;
    this.tooltip.append(strong);
    if (source) {
      const small = document.createElement('small');
      small.textContent = `Source: ${source}`;
      this.tooltip.append(small);
    }
    this.tooltip.hidden = false;
    this.moveTip(event);
  }

  private moveTip(event: MouseEvent) {
    const box = this.svg.node()!.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    this.tooltip.style.left = `${Math.min(x + 14, box.width - 260)}px`;
    this.tooltip.style.top = `${y + 14}px`;
  }

  private drawBase() {
    const base = this.world.append('g').attr('class', 'base');
    const all = [...coast.features, ...siege.features] as MapFeature[];
    const kinds = (k: string[]) => all.filter((f) => k.includes(f.properties.kind));
    const path = (f: MapFeature) => pathOf(this.projection, f);
    const layer = (cls: string, features: MapFeature[]) =>
      base.append('g').attr('class', cls).selectAll<SVGPathElement, MapFeature>('path').data(features).join('path')
        .attr('d', path).attr('class', (d) => `feature ${d.properties.kind}${d.properties.uncertain ? ' uncertain' : ''}`)
        .attr('data-id', (d) => d.properties.id);
    layer('land', kinds(['land']));
    this.hover(layer('water', kinds(['water'])));
    this.hover(layer('camps', kinds(['camp'])));
    const walls = kinds(['land-wall', 'sea-wall', 'outwork']);
    this.hover(layer('walls', walls));

    // Towers: evenly along each land-wall stretch (its `towers` property), as small squares.
    const towers = base.append('g').attr('class', 'towers');
    for (const w of walls.filter((f) => f.properties.towers)) {
      const pts = (w.geometry as LineString).coordinates.map(([lon, lat]) => this.project(lon, lat));
      for (const [x, y] of pointsAlong(pts, w.properties.towers!)) {
        towers.append('rect').attr('x', x - 1.2).attr('y', y - 1.2).attr('width', 2.4).attr('height', 2.4);
      }
    }

    const points = all.filter((f) => f.geometry.type === 'Point');
    const marks = base.append('g').attr('class', 'places').selectAll<SVGGElement, MapFeature>('g').data(points).join('g')
      .attr('class', (d) => `place ${d.properties.kind}`)
      .attr('data-id', (d) => d.properties.id)
      .attr('transform', (d) => {
        const [lon, lat] = (d.geometry as Point).coordinates;
        const [x, y] = this.project(lon, lat);
        return `translate(${x},${y})`;
      });
    marks.append('circle').attr('r', (d) => (d.properties.kind === 'gate' ? 1.8 : 2.6));
    this.hover(marks);
  }

  /** Names of places, waters and camps, placed by layoutLabels. */
  private drawBaseLabels() {
    const layer = this.labels.insert('g', ':first-child').attr('class', 'base-labels');
    const all = [...coast.features, ...siege.features] as MapFeature[];
    for (const f of all.filter((x) => x.geometry.type === 'Point' && x.properties.kind !== 'gate')) {
      const [x, y] = this.project(...((f.geometry as Point).coordinates as [number, number]));
      this.addLabel(layer, f.properties.name, x, y, 10, 'place-label', PLACE_PRIORITY[f.properties.kind] ?? 40, 'point').attr('data-id', f.properties.id);
    }
    const area = (text: string, lon: number, lat: number, size: number, cls: string, priority: number) => {
      const [x, y] = this.project(lon, lat);
      this.addLabel(layer, text, x, y, size, cls, priority, 'area');
    };
    area('Constantinople', 28.955, 41.012, 15, 'city-label', 90);
    area('Sea of Marmara', 28.962, 40.992, 18, 'water-label', 80);
    area('Golden Horn', 28.958, 41.036, 11, 'water-label', 80);
    area('Bosporus', 29.034, 41.040, 13, 'water-label', 80);
    area('Avar camp', 28.909, 41.025, 11, 'camp-label', 70);
    area('Persian camp', 29.038, 40.99, 11, 'camp-label', 70);
    this.layoutLabels();
  }

  private drawFurniture() {
    const furniture = this.svg.append('g').attr('class', 'furniture');
    const north = furniture.append('g').attr('class', 'north-arrow').attr('transform', `translate(${WIDTH - 40},50)`);
    north.append('path').attr('d', 'M0,-26 L9,6 L0,0 L-9,6 Z');
    north.append('text').attr('y', 22).attr('text-anchor', 'middle').text('N');
    const scale = furniture.append('g').attr('class', 'scale-bar').attr('transform', `translate(24,${HEIGHT - 28})`);
    scale.append('rect').attr('class', 'scale-back').attr('x', -8).attr('y', -18).attr('height', 30);
    scale.append('line').attr('y1', 0).attr('y2', 0);
    scale.append('text').attr('y', -6);
    furniture.append('text').attr('class', 'attribution').attr('x', WIDTH - 8).attr('y', HEIGHT - 8).attr('text-anchor', 'end')
      .text('Shoreline: © OpenStreetMap contributors (ODbL), refined; walls and places: see each feature');
    this.updateScale();
  }

  private updateScale() {
    const mpp = metresPerPixel(this.projection, 41.01, 28.95, this.transform.k);
    const bar = scaleBar(mpp, 160);
    const g = this.svg.select('.scale-bar');
    g.select('line').attr('x1', 0).attr('x2', bar.pixels);
    g.select('text').text(bar.label);
    g.select('rect').attr('width', bar.pixels + 16);
  }

  /** Binds a run: positions of its zones and which drawn wall stands for each of its sectors. */
  setReplay(replay: Replay) {
    this.replay = replay;
    const walls = siege.features.filter((f) => ['land-wall', 'sea-wall'].includes(f.properties.kind)) as MapFeature[];
    this.sectorFeature = replay.sectors.map((s) => {
      const zone = replay.zones.find((z) => z.id === s.zone);
      if (!zone) return undefined;
      const kind = s.sea ? 'sea-wall' : 'land-wall';
      const [zx, zy] = this.project(zone.lon, zone.lat);
      let best: MapFeature | undefined;
      let bestDistance = Infinity;
      for (const w of walls.filter((f) => f.properties.kind === kind)) {
        for (const [lon, lat] of (w.geometry as LineString).coordinates) {
          const [x, y] = this.project(lon, lat);
          const d = Math.hypot(x - zx, y - zy);
          if (d < bestDistance) {
            bestDistance = d;
            best = w;
          }
        }
      }
      return best;
    });
  }

  /** Draws the siege at one hour. */
  render(state: SiegeState, events: readonly SiegeEvent[]) {
    const r = this.replay;
    if (!r) return;
    const o = this.overlay;
    o.selectAll('*').remove();
    this.actionLabels.selectAll('*').remove();
    const symbols: Box[] = [];
    const mark = (x: number, y: number, half: number) => symbols.push({ x: x - half, y: y - half, width: 2 * half, height: 2 * half });
    const k = this.transform.k / this.ui;
    const zonePoint = (i: number): [number, number] | undefined => {
      const z = r.zones[i];
      return z ? this.project(z.lon, z.lat) : undefined;
    };

    // Wall sectors shaded by the weaker of their two walls.
    r.sectors.forEach((s, i) => {
      const feature = this.sectorFeature[i];
      const walls = [s.outerWall ? state.outer[i] : undefined, s.innerWall ? state.inner[i] : undefined].filter((x): x is number => x !== undefined);
      const integrity = walls.length ? Math.min(...walls) : 1000;
      const title = `${s.name}: outer wall ${(state.outer[i] / 10).toFixed(1)} %, inner ${s.innerWall ? (state.inner[i] / 10).toFixed(1) + ' %' : '—'}`;
      if (feature) {
        o.append('path').attr('class', 'sector').attr('data-zone', s.zone).attr('d', pathOf(this.projection, feature))
          .attr('stroke', integrityColour(integrity)).append('title').text(title);
      }
    });

    // Contingents: circles sized by men present, coloured by side, faded by low morale. Men who have crossed
    // (Persians ferried to the European shore, boat crews ashore at the attacked sector) are drawn where they are.
    const where = state.where;
    const ashore: { contingent: number; zone: number; men: number; label: string; cls: string }[] = [];
    if (where && where.persiansAshore > 0 && r.diplomacy.persianContingent >= 0) {
      ashore.push({ contingent: r.diplomacy.persianContingent, zone: r.diplomacy.landingZone, men: where.persiansAshore, label: 'ashore on the European shore', cls: 'persians-ashore' });
    }
    if (where && where.crewsAshore > 0 && where.crewsZone >= 0) {
      ashore.push({ contingent: where.crewsContingent, zone: where.crewsZone, men: where.crewsAshore, label: 'boat crews ashore', cls: 'crews-ashore' });
    }
    const perZone = new Map<number, number>();
    const bodies: Men[] = [];
    const drawMen = (zone: number, men: number, side: string, moralePermille: number, id: string, cls: string, title: string) => {
      const p = zonePoint(zone);
      if (!p || men <= 0) return;
      const slot = perZone.get(zone) ?? 0;
      perZone.set(zone, slot + 1);
      const angle = slot * 2.4;
      const spread = slot === 0 ? 0 : 10 + 4 * slot;
      const x = p[0] + (Math.cos(angle) * spread) / k;
      const y = p[1] + (Math.sin(angle) * spread) / k;
      const radius = (menRadius(men) / Math.sqrt(this.transform.k)) * this.ui;
      const morale = moralePermille / 1000;
      mark(x, y, radius);
      bodies.push({
        key: `${id}|${cls}`, id, cls: `contingent side-${side}${cls ? ' ' + cls : ''}`, x, y, r: radius,
        fill: SIDE_COLOURS[side] ?? '#555', opacity: 0.3 + 0.6 * morale,
        title: `${title}: ${men.toLocaleString('en-GB')} men, morale ${(morale * 100).toFixed(0)} %`,
      });
    };
    r.contingents.forEach((c, i) => {
      const away = ashore.filter((a) => a.contingent === i).reduce((sum, a) => sum + a.men, 0);
      drawMen(c.zone, (state.present[i] ?? 0) - away, c.side, state.morale[i] ?? 0, c.id, '', c.name);
    });
    for (const a of ashore) {
      const c = r.contingents[a.contingent];
      drawMen(a.zone, a.men, c?.side ?? 'avar', c ? (state.morale[a.contingent] ?? 0) : 1000, c?.id ?? 'crews', a.cls, `${c?.name ?? 'Boat crews'}, ${a.label}`);
    }
    // Kept by key from hour to hour: CSS moves and resizes them smoothly (style properties, not attributes).
    this.men.selectAll<SVGCircleElement, Men>('circle').data(bodies, (d) => d.key)
      .join((enter) => {
        const c = enter.append('circle');
        c.append('title');
        return c;
      })
      .attr('class', (d) => d.cls).attr('data-id', (d) => d.id)
      .style('cx', (d) => `${d.x}px`).style('cy', (d) => `${d.y}px`).style('r', (d) => `${d.r}px`)
      .attr('fill', (d) => d.fill).style('fill-opacity', (d) => String(d.opacity))
      .select('title').text((d) => d.title);

    // Engines and towers beside their sector, on the attackers' side (west of the land walls), once built.
    r.engines.forEach((e, i) => {
      const count = state.engines[i] ?? 0;
      if (where && !where.ready[i]) return;
      const sector = r.sectors[e.sector];
      const zone = sector ? r.zones.find((z) => z.id === sector.zone) : undefined;
      if (!zone || count <= 0) return;
      const [x0, y0] = this.project(zone.lon, zone.lat);
      const dx = (e.side === 'roman' ? 8 : -14 - 10 * i) / k;
      const g = o.append('g').attr('class', `engines ${e.kind}`).attr('transform', `translate(${x0 + dx},${y0 + (i % 2 ? 8 : -8) / k}) scale(${1 / k})`);
      mark(x0 + dx, y0 + (i % 2 ? 8 : -8) / k, 9 / k);
      if (e.kind === 'siege-tower') g.append('path').attr('d', 'M-5,6 L0,-8 L5,6 Z');
      else g.append('rect').attr('x', -4).attr('y', -4).attr('width', 8).attr('height', 8);
      g.append('text').attr('x', 0).attr('y', 17).attr('text-anchor', 'middle').text(String(count));
      g.append('title').text(`${capitalise(engineParkName(e))} ready: ${count}`);
    });

    // Ships and boats: the host's boats at their stations; Roman warships on every water zone they patrol
    // (replays without position frames draw the Roman flotillas at their stations too).
    const ship = (p: [number, number], side: string, cls: string, id: string, hulls: number, title: string) => {
      const sx = p[0] + (side === 'roman' ? 6 : -6) / k;
      const sy = p[1] + (side === 'roman' ? 10 : -10) / k;
      const g = o.append('g').attr('class', `flotilla side-${side} ${cls}`).attr('data-id', id)
        .attr('transform', `translate(${sx},${sy}) scale(${1 / k})`);
      symbols.push({ x: sx - 10 / k, y: sy - 10 / k, width: 30 / k, height: 16 / k });
      g.append('path').attr('d', side === 'roman' ? 'M-9,0 L9,0 L6,5 L-6,5 Z M0,0 L0,-9 L6,-2 Z' : 'M-7,0 Q0,6 7,0 Z').attr('fill', SIDE_COLOURS[side]);
      g.append('text').attr('x', 12).attr('y', 4).text(`${hulls}`);
      g.append('title').text(title);
    };
    r.flotillas.forEach((f, i) => {
      const hulls = state.hulls[i] ?? 0;
      const p = zonePoint(f.station);
      if (!p || hulls <= 0 || (where && f.side === 'roman')) return;
      ship(p, f.side, `craft-${f.craft}`, f.id, hulls, `${f.name}: ${hulls} hulls`);
    });
    where?.warships.forEach((hulls, z) => {
      const p = zonePoint(z);
      if (!p || hulls <= 0) return;
      ship(p, 'roman', 'patrol', r.zones[z].id, hulls, `Roman warships on station, ${r.zones[z].name}: ${hulls} hull${hulls === 1 ? '' : 's'}`);
    });

    // Envoys' route, dashed, once they have been sent; a cross where they were caught.
    const sent = events.some((e) => e.kind === 'envoys-sent' && e.hour <= state.hour);
    if (sent && r.diplomacy.envoyRoute.length > 0) {
      const pts = r.diplomacy.envoyRoute.map(zonePoint).filter((p): p is [number, number] => !!p);
      o.append('path').attr('class', 'envoy-route').attr('d', `M${pts.map((p) => p.join(',')).join('L')}`);
      const caught = events.find((e) => e.kind === 'envoys-intercepted' && e.hour <= state.hour);
      if (caught && pts.length) {
        const [x, y] = zonePoint(caught.zone) ?? pts[pts.length - 1];
        o.append('path').attr('class', 'envoys-caught').attr('d', `M${x - 5 / k},${y - 5 / k}L${x + 5 / k},${y + 5 / k}M${x - 5 / k},${y + 5 / k}L${x + 5 / k},${y - 5 / k}`);
      }
    }

    // The signal fire burns for a day after it is lit.
    for (const e of recentEvents(events, state.hour, 24, new Set(['signal-lit']))) {
      const st = siege.features.find((f) => f.properties.id === 'st-nicholas');
      const [lon, lat] = st ? (st.geometry as Point).coordinates : [r.zones[r.diplomacy.signalZone]?.lon ?? 0, r.zones[r.diplomacy.signalZone]?.lat ?? 0];
      const [x, y] = this.project(lon, lat);
      const g = o.append('g').attr('class', 'signal-fire').attr('transform', `translate(${x},${y}) scale(${1 / k})`);
      g.append('path').attr('d', 'M0,-14 C6,-6 8,0 0,6 C-8,0 -6,-6 0,-14 Z');
      g.append('title').text(e.text);
    }

    // Fighting and naval actions of the last half day, where they happened.
    const actionKinds = new Set(['boats-sunk', 'boats-slipped', 'canoes-launched', 'assault-began', 'wall-seized', 'persians-ferried', 'tower-burned', 'aqueduct-cut']);
    // One symbol per place and kind: the latest, with how many there were.
    const grouped = new Map<string, { e: SiegeEvent; n: number }>();
    for (const e of recentEvents(events, state.hour, 12, actionKinds)) {
      const key = `${e.zone}|${e.kind}`;
      grouped.set(key, { e, n: (grouped.get(key)?.n ?? 0) + 1 });
    }
    for (const { e, n } of grouped.values()) {
      const place = eventPlace(e);
      const at = place?.feature ? siege.features.find((f) => f.properties.id === place.feature) : undefined;
      const p = at ? this.project(...((at.geometry as Point).coordinates as [number, number])) : zonePoint(e.zone);
      if (!p) continue;
      const naval = e.kind.startsWith('boats') || e.kind === 'canoes-launched';
      const text = eventSentence(r, e);
      const g = o.append('g').attr('class', `action ${naval ? 'naval-action' : 'land-action'} kind-${e.kind}`)
        .attr('data-event', e.index).attr('transform', `translate(${p[0]},${p[1]}) scale(${1 / k})`);
      g.append('path').attr('d', 'M0,-13 L3,-4 L12,-4 L5,2 L8,11 L0,5 L-8,11 L-5,2 L-12,-4 L-3,-4 Z');
      g.append('title').text(`${e.date}: ${text}`);
      mark(p[0], p[1], 12 / k);
      const label = text.length > 44 ? `${text.slice(0, 42)}…` : text;
      // Newer events win a crowded spot.
      this.addLabel(this.actionLabels, n > 1 ? `${label} (×${n})` : label, p[0], p[1], 11, 'action-label', 100 + e.index / 1e6, 'point')
        .attr('data-event', e.index).attr('data-gap', 14);
    }
    this.symbols = symbols;
    this.layoutLabels();
  }
}

export function newSvgElement(tag: string): SVGElement {
  return document.createElementNS(SVG_NS, tag);
}
