import { api } from '../api';
import { h, problemList } from '../dom';
import { showReplay } from '../state';
import { COAST } from './coast';
import {
  armyPoint, armyRadius, isoDate, caughtNear, clampDay, dayOfDate, fitProjection, holderAt, legitimacyPath, linesUpTo, recent, sideName,
  siegeDays, siegesOn, spread, WAR_SIDE_COLOURS, warDate,
} from './warModel';
import type { WarReplay, WarSummary } from './warTypes';

const SVG = 'http://www.w3.org/2000/svg';
const SPEEDS = [2, 7, 30]; // campaign days per second

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, title?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (title) {
    const t = document.createElementNS(SVG, 'title');
    t.textContent = title;
    el.append(t);
  }
  return el;
}

const men = (n: number) => n.toLocaleString('en-GB');
const shortName = (name: string) => name.replace(/\s*\(.*\)$/, '');

function legend(): HTMLElement {
  const dot = (side: string) => h('span', { class: 'war-swatch', style: `background:${WAR_SIDE_COLOURS[side]}` });
  return h('details', { class: 'legend war-legend' },
    h('summary', {}, 'Legend'),
    h('ul', {},
      h('li', {}, dot('rome'), 'Rome ', dot('persia'), 'Persia ', dot('turks'), 'the Turks ', dot('avars'), 'the Avars'),
      h('li', {}, 'Squares: regions, filled with the colour of their holder; the capital has a double rim'),
      h('li', {}, 'Circles: armies, their area by the men present; pale when morale is low; dashed when inside the siege of the capital'),
      h('li', {}, 'Lines: roads (solid), passes (dashed), sea lanes (blue, dotted)'),
      h('li', {}, 'Red star: a battle of the last ten days; flame: a sack; dashed ring: a siege under way; envelope: the king\'s courier on the road; ✕: where he was caught')));
}

/** The Near East map of a war run: regions by holder, routes, armies moving day by day, battles, sieges and couriers. */
export async function warPage(root: HTMLElement, query: URLSearchParams): Promise<() => void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Running the war…'));
  let wars: WarSummary[];
  try {
    wars = await api.wars();
  } catch (e) {
    root.replaceChildren(problemList(e));
    return () => undefined;
  }

  if (!wars.length) {
    root.replaceChildren(h('p', {}, 'No war scenario is installed.'));
    return () => undefined;
  }

  const id = wars.some((w) => w.id === query.get('id')) ? query.get('id')! : wars[0].id;
  const seedText = query.get('seed');
  const seed = seedText && /^\d{1,15}$/.test(seedText) ? Number(seedText) : 1;
  let replay: WarReplay;
  try {
    replay = await api.warReplay(id, seed);
  } catch (e) {
    root.replaceChildren(problemList(e));
    return () => undefined;
  }

  const last = replay.days - 1;
  const dayQuery = query.get('day');
  const dateQuery = query.get('date');
  let day = dayQuery && /^\d+$/.test(dayQuery) ? clampDay(Number(dayQuery), replay.days)
    : dateQuery && /^\d{3,4}-\d{2}-\d{2}$/.test(dateQuery) ? dayOfDate(replay, dateQuery) : 0;
  let playing = false;
  let speed = SPEEDS[1];
  let timer = 0;
  let lastTick = 0;

  // Map.
  const p = fitProjection(replay.regions);
  const points: [number, number][] = replay.regions.map((r) => [p.x(r.lon), p.y(r.lat)]);
  const svg = s('svg', { class: 'war-map', viewBox: `0 0 ${p.width} ${p.height}`, role: 'img', 'aria-labelledby': 'war-map-title war-map-desc' });
  const title = s('title', { id: 'war-map-title' });
  title.textContent = `Map of the Near East: ${replay.name}`;
  const desc = s('desc', { id: 'war-map-desc' });
  svg.append(title, desc, s('rect', { x: 0, y: 0, width: p.width, height: p.height, class: 'war-land' }));
  const coast = s('g', { class: 'war-coast', 'aria-hidden': 'true' });
  for (const shape of COAST) {
    const d = shape.points.map(([lon, lat], i) => `${i ? 'L' : 'M'}${p.x(lon).toFixed(1)},${p.y(lat).toFixed(1)}`).join('') + (shape.kind === 'river' ? '' : 'Z');
    coast.append(s('path', { d, class: `war-${shape.kind}` }, shape.name));
  }

  const routes = s('g', { class: 'war-routes' });
  for (const r of replay.routes) {
    const [a, b] = [points[r.from], points[r.to]];
    if (!a || !b) continue;
    routes.append(s('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: `war-route route-${r.kind}` },
      `${replay.regions[r.from].name} – ${replay.regions[r.to].name}: ${r.kind}, ${r.days} days${r.winterDays > 0 ? `, ${r.winterDays} in winter` : ', closed in winter'}`));
  }

  const regionGroup = s('g', { class: 'war-regions' });
  const regionMarks = replay.regions.map((r, i) => {
    const [x, y] = points[i];
    const g = s('g', { class: 'region', 'data-region': r.id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
    const mark = s('rect', { x: -7, y: -7, width: 14, height: 14, rx: 2, class: r.capital ? 'region-mark capital' : 'region-mark' });
    // A region whose neighbour sits almost on it (the capital and Chalcedon across the straits) is labelled above
    // or below it, by which of the two lies further north, so the names do not overlap.
    const near = points.findIndex((q, j) => j !== i && Math.hypot(q[0] - x, q[1] - y) < 30);
    const east = x > p.width * 0.82; // names of the easternmost regions go to their left, inside the map
    const place: Record<string, string | number> = near < 0 ? (east ? { x: -10, y: 4, 'text-anchor': 'end' } : { x: 10, y: 4, 'text-anchor': 'start' }) : points[near][1] > y ? { x: 0, y: -11, 'text-anchor': 'middle' } : { x: 0, y: 22, 'text-anchor': 'middle' };
    const label = s('text', { ...place, class: 'region-label' });
    label.textContent = shortName(r.name);
    const tip = s('title');
    g.append(tip, mark, label);
    regionGroup.append(g);
    return { mark, tip };
  });

  const overlay = s('g', { class: 'war-overlay' });
  const armyGroup = s('g', { class: 'war-armies' });
  svg.append(coast, routes, regionGroup, overlay, armyGroup);
  const armyMarks = replay.armies.map((a) => {
    const c = s('circle', { class: 'army', 'data-army': a.id, 'data-side': a.side, r: 6, fill: WAR_SIDE_COLOURS[a.side] ?? '#555' });
    const tip = s('title');
    c.append(tip);
    armyGroup.append(c);
    return { c, tip };
  });

  // Controls.
  const dateOut = h('output', { class: 'date', id: 'war-date', 'aria-live': 'polite' });
  const slider = h('input', { type: 'range', min: 0, max: last, step: 1, value: day, class: 'slider war-slider', 'aria-label': 'Day of the war', 'aria-describedby': 'war-date' });
  const play = h('button', { type: 'button', class: 'primary play', 'aria-label': 'Play' }, '▶');
  const back = h('button', { type: 'button', 'aria-label': 'Previous day' }, '‹ Day');
  const forward = h('button', { type: 'button', 'aria-label': 'Next day' }, 'Day ›');
  const speedSel = h('select', { 'aria-label': 'Speed' }, ...SPEEDS.map((v) => h('option', { value: v, selected: v === speed }, `${v} days/s`)));
  const sieges = siegeDays(replay);
  const zoomStatus = h('span', { class: 'zoom-status', 'aria-live': 'polite' });
  const zoom = h('button', { type: 'button', class: 'siege-zoom', disabled: !sieges },
    sieges ? `Open the siege of ${warDate(replay.startDate, sieges[0])} – ${warDate(replay.startDate, sieges[1])} hour by hour` : 'No siege of the capital in this run');

  const wardSel = h('select', { 'aria-label': 'War scenario' }, ...wars.map((w) => h('option', { value: w.id, selected: w.id === id }, w.name)));
  const seedIn = h('input', { type: 'number', min: 0, step: 1, value: seed, class: 'seed', 'aria-label': 'Seed' });
  const runButton = h('button', { type: 'button' }, 'Run');
  const goTo = () => {
    location.hash = `#/war?id=${encodeURIComponent(wardSel.value)}&seed=${encodeURIComponent(seedIn.value || '1')}`;
  };
  runButton.addEventListener('click', goTo);
  seedIn.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') goTo();
  });

  // Side panel.
  const chronicle = h('ol', { class: 'war-chronicle', 'aria-label': 'Chronicle up to this day, the latest first' });
  const chartW = 320, chartH = 80;
  const chart = s('svg', { class: 'legitimacy-chart', viewBox: `0 0 ${chartW} ${chartH + 14}`, role: 'img', 'aria-labelledby': 'legitimacy-title' });
  const chartTitle = s('title', { id: 'legitimacy-title' });
  chart.append(chartTitle,
    s('rect', { x: 0, y: 0, width: chartW, height: chartH, class: 'chart-frame' }),
    s('path', { d: legitimacyPath(replay.frames, chartW, chartH), class: 'legitimacy-line' }));
  const cursor = s('line', { y1: 0, y2: chartH, class: 'chart-cursor' });
  chart.append(cursor);
  const axis = (x: number, text: string, anchor: string) => {
    const t = s('text', { x, y: chartH + 12, 'text-anchor': anchor, class: 'chart-axis' });
    t.textContent = text;
    chart.append(t);
  };
  axis(0, warDate(replay.startDate, 0), 'start');
  axis(chartW, warDate(replay.startDate, last), 'end');
  const legitimacyText = h('p', { class: 'small legitimacy-now' });
  const o = replay.outcome;
  const outcome = h('div', { class: 'card war-outcome' },
    h('h2', {}, 'Outcome'),
    h('p', {}, `${o.result === 'peace' ? 'Peace' : o.result === 'collapse' ? 'The empire collapses' : o.result === 'persian-terms' ? 'Rome sues for peace on Persian terms' : 'Undecided'} (last day ${isoDate(o.lastDate)}); the capital ${o.capital}.`),
    o.treaty ? h('p', {}, `Treaty of ${isoDate(o.treaty.date)}: ${o.treaty.provincesReturned} of ${o.treaty.provincesOccupied} occupied provinces returned; frontier ${o.treaty.frontier}${o.treaty.trueCross ? '; the True Cross returned' : ''}.`) : '',
    h('p', { class: 'small' }, `Seed ${replay.seed} · state ${o.stateHash}`));

  const link = h('a', { class: 'war-link' }, 'Link to this day');
  /** What the courier on the road on a day carries: the sentence of his setting out. */
  const courierText = (d: number) => {
    const m = replay.messages.find((x) => x.sentDay <= d && (x.fateDay < 0 || d <= x.fateDay));
    return m ? `: ${m.text}` : '';
  };
  const render = () => {
    const f = replay.frames[day];
    link.setAttribute('href', `#/war?id=${encodeURIComponent(id)}&seed=${seed}&day=${day}`);
    dateOut.textContent = `${warDate(replay.startDate, day)} (Julian), day ${day}`;
    slider.value = String(day);
    slider.setAttribute('aria-valuetext', `${warDate(replay.startDate, day)}, day ${day} of ${last}`);

    replay.regions.forEach((r, i) => {
      const holder = holderAt(r, day);
      regionMarks[i].mark.setAttribute('fill', WAR_SIDE_COLOURS[holder] ?? '#999');
      regionMarks[i].mark.dataset.holder = holder;
      regionMarks[i].tip.textContent = `${r.name}: held by ${sideName(holder)}`;
    });

    const raw = f.armies.map((a) => armyPoint(a, points));
    const placed = spread(raw);
    let shown = 0;
    replay.armies.forEach((a, i) => {
      const frame = f.armies[i];
      const at = placed[i];
      const { c, tip } = armyMarks[i];
      if (!frame || !at || frame[3] <= 0) {
        c.setAttribute('display', 'none');
        c.removeAttribute('data-shown');
        return;
      }
      shown++;
      c.removeAttribute('display');
      c.dataset.shown = 'true';
      c.setAttribute('cx', at[0].toFixed(1));
      c.setAttribute('cy', at[1].toFixed(1));
      c.setAttribute('r', armyRadius(frame[3]).toFixed(1));
      c.setAttribute('fill-opacity', (0.35 + 0.6 * (frame[4] / 1000)).toFixed(2));
      c.classList.toggle('in-siege', frame[5] === 1);
      const where = frame[1] >= 0
        ? `marching from ${replay.regions[frame[0]].name} to ${replay.regions[frame[1]].name} (${Math.round(frame[2] / 10)} % of the leg)`
        : `in ${replay.regions[frame[0]].name}`;
      tip.textContent = `${a.name} (${a.commander}, ${sideName(a.side)}): ${men(frame[3])} men, morale ${Math.round(frame[4] / 10)} %, ${frame[5] ? 'inside the siege of the capital' : where}`;
    });

    overlay.replaceChildren();
    for (const siege of siegesOn(replay.sieges, day)) {
      const [x, y] = points[siege.region];
      overlay.append(s('circle', { cx: x, cy: y, r: 19, class: `siege-ring siege-${siege.kind}`, 'data-siege': siege.kind }, siege.text));
    }
    for (const b of recent(replay.battles, day)) {
      const [x, y] = points[b.region];
      const age = day - b.day;
      overlay.append(s('path', {
        d: 'M0,-13 L3,-4 L12,-4 L5,2 L8,11 L0,5 L-8,11 L-5,2 L-12,-4 L-3,-4 Z',
        transform: `translate(${(x + 14).toFixed(1)},${(y - 14).toFixed(1)})`, class: b.decisive ? 'battle decisive' : 'battle',
        'fill-opacity': (1 - age / 12).toFixed(2), 'data-battle': b.date,
      }, `${b.date}: ${b.text}`));
    }
    for (const sack of recent(replay.sacks, day, 20)) {
      const [x, y] = points[sack.region];
      overlay.append(s('path', {
        d: 'M0,-9 C4,-4 6,0 4,4 C3,7 -3,7 -4,4 C-6,0 -2,-2 0,-9 Z', transform: `translate(${(x - 16).toFixed(1)},${(y - 12).toFixed(1)})`,
        class: 'sack', 'data-sack': sack.date,
      }, `${sack.date}: ${sack.text}`));
    }
    if (f.courier >= 0 && points[f.courier]) {
      const [x, y] = points[f.courier];
      const g = s('g', { class: 'courier', transform: `translate(${(x - 20).toFixed(1)},${(y + 10).toFixed(1)})` }, `The king's courier on the road, in ${replay.regions[f.courier].name}${courierText(f.day)}`);
      g.append(s('rect', { x: -7, y: -5, width: 14, height: 10, rx: 1 }), s('path', { d: 'M-7,-5 L0,1 L7,-5' }));
      overlay.append(g);
    }
    for (const m of caughtNear(replay.messages, day)) {
      const [x, y] = points[m.fateRegion];
      const t = s('text', { x: x - 24, y: y + 16, class: 'caught' }, `Courier ${m.number} caught here on ${warDate(replay.startDate, m.fateDay)}${m.turned ? '; the general he was sent against turns' : ''}`);
      t.append('✕');
      overlay.append(t);
    }

    desc.textContent = `${warDate(replay.startDate, day)}: ${shown} armies in the field; ${replay.regions.filter((r) => holderAt(r, day) === 'persia').length} of ${replay.regions.length} regions held by Persia.`;

    const lines = linesUpTo(replay.chronicle, day);
    chronicle.replaceChildren(...lines.slice(0, 60).map((l) => {
      const li = h('li', { class: l.day === day ? 'today' : '' },
        h('button', { type: 'button', class: 'linklike', 'data-day': l.day }, warDate(replay.startDate, l.day)), ' ', l.text);
      return li;
    }));

    const x = last > 0 ? (day / last) * chartW : 0;
    cursor.setAttribute('x1', x.toFixed(1));
    cursor.setAttribute('x2', x.toFixed(1));
    const lg = f.legitimacyPermille / 10;
    chartTitle.textContent = `The king's legitimacy by day: ${lg.toFixed(1)} % on ${warDate(replay.startDate, day)}`;
    legitimacyText.textContent = `Khosrow's legitimacy on ${warDate(replay.startDate, day)}: ${lg.toFixed(1)} %`;

    const inSiege = !!sieges && day >= sieges[0] && day <= sieges[1];
    zoom.classList.toggle('now', inSiege);
  };

  const setDay = (d: number) => {
    day = clampDay(d, replay.days);
    render();
  };

  const stop = () => {
    playing = false;
    cancelAnimationFrame(timer);
    play.textContent = '▶';
    play.setAttribute('aria-label', 'Play');
  };
  const tick = (now: number) => {
    if (!playing) return;
    const step = ((now - lastTick) / 1000) * speed;
    if (step >= 1) {
      lastTick = now;
      if (day >= last) {
        stop();
        return;
      }
      setDay(day + Math.floor(step));
    }
    timer = requestAnimationFrame(tick);
  };
  play.addEventListener('click', () => {
    if (playing) {
      stop();
      return;
    }
    if (day >= last) setDay(0);
    playing = true;
    play.textContent = '❚❚';
    play.setAttribute('aria-label', 'Pause');
    lastTick = performance.now();
    timer = requestAnimationFrame(tick);
  });
  speedSel.addEventListener('change', () => (speed = Number(speedSel.value)));
  slider.addEventListener('input', () => {
    stop();
    setDay(Number(slider.value));
  });
  back.addEventListener('click', () => {
    stop();
    setDay(day - 1);
  });
  forward.addEventListener('click', () => {
    stop();
    setDay(day + 1);
  });
  chronicle.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-day]');
    if (!b) return;
    stop();
    setDay(Number(b.dataset.day));
  });
  zoom.addEventListener('click', async () => {
    stop();
    zoom.disabled = true;
    zoomStatus.textContent = 'Running the siege inside this war run…';
    try {
      const siege = await api.warSiege(replay.scenario, seed);
      await showReplay(siege, `The siege of the capital inside ${replay.name}, seed ${replay.seed}: the forces are those the campaign brought on ${warDate(replay.startDate, sieges![0])}, and the siege's own seed (${replay.capitalSiege?.seed}) is derived from the war's.`);
      location.hash = '#/replay';
    } catch (e) {
      zoomStatus.replaceChildren(problemList(e));
      zoom.disabled = false;
    }
  });

  root.replaceChildren(
    h('section', { class: 'war' },
      h('div', { class: 'stage' },
        h('div', { class: 'page-head' },
          h('h1', {}, replay.name),
          h('div', { class: 'toolbar' }, h('label', {}, 'War ', wardSel), h('label', {}, 'Seed ', seedIn), runButton)),
        h('figure', { class: 'war-figure' }, h('div', { class: 'map-holder war-holder' }, svg),
          h('figcaption', { class: 'small' }, 'Regions at the position of their chief place; the coast is a simplified sketch.')),
        h('div', { class: 'controls', id: 'war-controls' }, play, speedSel, back, forward, dateOut),
        h('div', { class: 'timeline' }, slider),
        h('div', { class: 'controls' }, zoom, link, zoomStatus),
        legend()),
      h('aside', { class: 'war-side' },
        h('div', { class: 'card' }, h('h2', {}, 'The king\'s legitimacy'), chart, legitimacyText),
        h('div', { class: 'card' }, h('h2', {}, 'Chronicle'), chronicle),
        outcome)));
  render();
  return () => stop();
}
