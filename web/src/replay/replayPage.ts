import { api, ApiError } from '../api';
import { h, problemList } from '../dom';
import { eventTone, explainEvent } from '../events';
import { branchLink, branchStart } from '../experiments/branch';
import { integrityColour, SIDE_COLOURS } from '../map/colors';
import { MapView, menRadius } from '../map/mapView';
import { app, ensureReplay, openReplayFile } from '../state';
import type { Replay, SiegeEvent } from '../types';
import { formatHour, hourOfDate, shortDate } from './calendar';
import { filterChoices, matchesFilter, NO_FILTER, placeKey, replayLink, sentences, type ChronicleFilter } from './chronicle';
import { comparison, type Comparison } from './compare';
import { clampHour, eventCountAt, markers, nextMajor, shownState, siegeWindow, storyStart } from './timeline';

const SPEEDS = [6, 24, 72, 168]; // simulated hours per second
const DAY = 24;

const changedText = (n: number) => (n === 0 ? 'figures as written' : `${n} figure${n === 1 ? '' : 's'} changed`);

const SIDE_NAMES: [string, string][] = [['roman', 'Romans'], ['avar', "The khagan's host"], ['persian', 'Persians'], ['naval', 'At sea'], ['neutral', 'Other']];

/**
 * The hour to open on: ?at=HOUR, ?date=MM-DD (noon), the hour of ?event=INDEX, or else where the story happens
 * (the main army's arrival).
 */
export function initialHour(replay: Pick<Replay, 'calendar' | 'hours' | 'events' | 'frames' | 'layout'>, query: URLSearchParams): number {
  const at = query.get('at');
  if (at !== null && /^\d+$/.test(at)) return clampHour(Number(at), replay.hours);
  const date = query.get('date')?.match(/^(\d{1,2})-(\d{1,2})$/);
  if (date) return clampHour(hourOfDate(replay.calendar, Number(date[1]), Number(date[2])) + 12, replay.hours);
  const event = initialEvent(replay, query);
  if (event) return event.hour;
  return storyStart(replay);
}

/** The event named by ?event=INDEX, if the run has it. */
export function initialEvent(replay: Pick<Replay, 'events'>, query: URLSearchParams): SiegeEvent | undefined {
  const index = query.get('event');
  return index !== null && /^\d+$/.test(index) ? replay.events[Number(index)] : undefined;
}

function legend(): HTMLElement {
  const svg = (width: number, height: number, inner: string) => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    el.setAttribute('width', String(width));
    el.setAttribute('height', String(height));
    el.setAttribute('viewBox', `0 0 ${width} ${height}`);
    el.setAttribute('aria-hidden', 'true');
    el.innerHTML = inner; // fixed markup written here, no data
    return el;
  };
  const sizes = [1000, 10000, 30000];
  let x = 0;
  const circles = sizes.map((men) => {
    const r = menRadius(men);
    x += r + 2;
    const c = `<circle cx="${x}" cy="24" r="${r}" fill="#888" fill-opacity="0.6" stroke="white"/>`;
    x += r + 4;
    return c;
  }).join('');
  const swatch = (side: string) => `<circle cx="8" cy="8" r="6" fill="${SIDE_COLOURS[side]}" fill-opacity="0.9" stroke="white"/>`;
  const wall = [1000, 800, 600, 300, 0].map((p, i) => `<rect x="${i * 12}" y="5" width="12" height="6" fill="${integrityColour(p)}"/>`).join('');
  return h('details', { class: 'legend', open: true },
    h('summary', {}, 'Legend'),
    h('ul', {},
      h('li', { class: 'legend-size' }, svg(x, 48, circles), h('span', {}, `Circle size: men present (${sizes.map((n) => n.toLocaleString('en-GB')).join(', ')}); the area grows with the number`)),
      h('li', {}, svg(16, 16, swatch('roman')), 'Romans ', svg(16, 16, swatch('avar')), "the khagan's host ", svg(16, 16, swatch('persian')), 'Persians'),
      h('li', {}, svg(16, 16, `<circle cx="8" cy="8" r="6" fill="${SIDE_COLOURS.avar}" fill-opacity="0.3" stroke="white"/>`), 'Pale: low morale'),
      h('li', { class: 'legend-dashed' }, svg(16, 16, `<circle cx="8" cy="8" r="6" fill="${SIDE_COLOURS.persian}" fill-opacity="0.8" stroke="#333" stroke-dasharray="3 2"/>`), 'Dashed rim: men who have crossed the water (Persians landed, boat crews ashore)'),
      h('li', {}, svg(60, 16, wall), 'Walls: sound (green) to breached (red)'),
      h('li', {}, svg(20, 16, `<path transform="translate(10,9)" d="M-9,0 L9,0 L6,5 L-6,5 Z M0,0 L0,-9 L6,-2 Z" fill="${SIDE_COLOURS.roman}"/>`), 'Roman warships on station (hulls) ',
        svg(20, 16, `<path transform="translate(10,8)" d="M-7,0 Q0,6 7,0 Z" fill="${SIDE_COLOURS.avar}"/>`), "the host's boats"),
      h('li', {}, svg(16, 16, '<path transform="translate(8,8) scale(0.55)" d="M0,-13 L3,-4 L12,-4 L5,2 L8,11 L0,5 L-8,11 L-5,2 L-12,-4 L-3,-4 Z" fill="#b3261e"/>'), 'Fighting and naval actions of the last 12 hours ',
        svg(16, 16, '<rect x="4" y="4" width="8" height="8" fill="#6b3d1e"/>'), 'engines ', svg(16, 16, '<path d="M3,14 L8,1 L13,14 Z" fill="#6b3d1e"/>'), 'towers, once ready')));
}

/** "Open a replay file…": uploads a replay or a save, and shows its run (with its orders) in place of this one. */
function openFileControl(): HTMLElement {
  const status = h('span', { class: 'open-file-status', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', accept: '.json,application/json', class: 'open-file' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    status.replaceChildren(`Checking ${file.name} and running its orders…`);
    try {
      await openReplayFile(file.name, await file.text());
    } catch (e) {
      const hint = e instanceof ApiError ? e.problem.hint : undefined;
      status.replaceChildren(problemList(e), hint ? h('p', { class: 'hint' }, hint) : '');
      return;
    }
    if (location.hash !== '#/replay') location.hash = '#/replay';
    else window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return h('div', { class: 'open-replay' }, h('label', { class: 'button' }, 'Open a replay file… ', input), status);
}

export async function replayPage(root: HTMLElement, query: URLSearchParams): Promise<() => void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Running the siege…'));
  let replay: Replay;
  try {
    replay = await ensureReplay();
  } catch (e) {
    root.replaceChildren(problemList(e), openFileControl());
    return () => undefined;
  }

  let hour = initialHour(replay, query);
  let selected = initialEvent(replay, query);
  const [siegeFrom, siegeTo] = siegeWindow(replay);
  const canZoom = siegeFrom > 0 && siegeTo > siegeFrom;
  let zoomed = canZoom && hour >= siegeFrom;
  let playing = false;
  let speed = 24;
  let timer = 0;
  let last = 0;
  let linkTimer = 0;
  const range = (): [number, number] => (zoomed ? [siegeFrom, siegeTo] : [0, replay.hours]);

  const mapBox = h('div', { class: 'map-box' });
  // A second run beside the first (another seed, no Roman fleet, the figures as written), driven by the same clock.
  let other: { c: Comparison; replay: Replay; map: MapView; counts: HTMLElement } | undefined;
  let compareKey = '';
  const mainCaption = h('figcaption', { class: 'map-caption' });
  const mainFigure = h('figure', { class: 'map-figure' }, mainCaption, mapBox);
  const maps = h('div', { class: 'maps' }, mainFigure);
  const compareSel = h('select', { 'aria-label': 'Show beside it', class: 'compare-with' },
    h('option', { value: '' }, 'nothing'),
    h('option', { value: 'seed' }, 'another seed'),
    replay.flotillas.some((f) => f.side === 'roman') ? h('option', { value: 'no-fleet' }, 'the same run without the Roman fleet') : '',
    Object.keys(app.overrides).length ? h('option', { value: 'written' }, 'the same run with the figures as written') : '');
  const compareSeed = h('input', { type: 'number', min: 0, step: 1, value: replay.seed + 1, 'aria-label': 'Seed of the run beside it', class: 'compare-seed', hidden: true });
  const compareStatus = h('span', { class: 'compare-status', 'aria-live': 'polite' });
  const mainCounts = h('div', { class: 'counts' });
  const dateOut = h('output', { class: 'date', id: 'replay-date', 'aria-live': 'polite' });
  const slider = h('input', { type: 'range', min: 0, max: replay.hours, step: 1, value: hour, 'aria-label': 'Hour of the siege', class: 'slider' });
  const play = h('button', { type: 'button', class: 'primary play', 'aria-label': 'Play' }, '▶');
  const speedSel = h('select', { 'aria-label': 'Speed' }, ...SPEEDS.map((s) => h('option', { value: s, selected: s === speed }, s < 24 ? `${s} h/s` : `${s / 24} day${s === 24 ? '' : 's'}/s`)));
  const previous = h('button', { type: 'button', class: 'prev-major', title: 'Previous great event (P)', 'aria-keyshortcuts': 'P' }, '‹ Previous event');
  const next = h('button', { type: 'button', class: 'next-major', title: 'Next great event (N)', 'aria-keyshortcuts': 'N' }, 'Next event ›');
  const zoom = h('button', { type: 'button', class: 'zoom-siege', 'aria-pressed': String(zoomed), disabled: !canZoom, title: 'Show only the close siege on the timeline (Z)', 'aria-keyshortcuts': 'Z' }, 'Close siege only');
  const link = h('a', { class: 'share-link', href: replayLink(hour) }, 'Link to this moment');
  const branchHere = h('a', { class: 'branch-link', id: 'branch-here', href: branchLink(hour, replay.hours, replay.seed) }, 'Branch from here');
  const strip = h('div', { class: 'marker-strip', role: 'list', 'aria-label': 'Great events' });
  const chronicle = h('ol', { class: 'chronicle', 'aria-label': 'Chronicle' });
  const detail = h('div', { class: 'event-detail', 'aria-live': 'polite', tabindex: -1 }, h('p', { class: 'hint' }, 'Click an entry of the chronicle or a marker to see why it happened: its inputs, the odds and the roll.'));
  const summary = h('div', { class: 'summary' });
  const counts = h('div', { class: 'counts', id: 'replay-counts' });
  const texts = sentences(replay);

  // The chronicle's filter bar.
  const choices = filterChoices(replay.events);
  const search = h('input', { type: 'search', placeholder: 'Search the chronicle', 'aria-label': 'Search the chronicle', class: 'chronicle-search' });
  const kindSel = h('select', { 'aria-label': 'Kind of event', class: 'filter-kind' }, h('option', { value: '' }, 'Every kind'),
    ...choices.kinds.map(([k, n]) => h('option', { value: k }, `${k.replaceAll('-', ' ')} (${n})`)));
  const sideSel = h('select', { 'aria-label': 'Side', class: 'filter-side' }, h('option', { value: '' }, 'Every side'),
    ...SIDE_NAMES.filter(([s]) => replay.events.some((e) => eventTone(e.kind) === s)).map(([s, name]) => h('option', { value: s }, name)));
  const placeSel = h('select', { 'aria-label': 'Place', class: 'filter-place' }, h('option', { value: '' }, 'Every place'),
    ...choices.places.map(([key, name, n]) => h('option', { value: key }, `${name} (${n})`)));
  const majorBox = h('input', { type: 'checkbox', class: 'filter-major' });
  const shownCount = h('output', { class: 'filter-count', 'aria-live': 'polite' });
  const filterBar = h('div', { class: 'chronicle-filter', role: 'search', 'aria-label': 'Filter the chronicle' },
    search, kindSel, sideSel, placeSel, h('label', {}, majorBox, ' great events only'), shownCount);

  const items = replay.events.map((e, i) => {
    const li = h('li', { class: `tone-${eventTone(e.kind)}${e.major ? ' major' : ''}`, 'data-kind': e.kind, 'data-hour': e.hour, 'data-index': e.index, 'data-place': placeKey(e), tabindex: 0 },
      h('time', {}, e.date), ' ', texts[i]);
    const open = () => choose(e, true);
    li.addEventListener('click', open);
    li.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        open();
      }
    });
    return li;
  });
  chronicle.append(...items);
  if (items.length === 0) chronicle.append(h('li', { class: 'empty' }, 'No events in this run.'));

  function applyFilter() {
    const f: ChronicleFilter = { ...NO_FILTER, text: search.value, kind: kindSel.value, side: sideSel.value, place: placeSel.value, majorOnly: majorBox.checked };
    let n = 0;
    replay.events.forEach((e, i) => {
      const ok = matchesFilter(e, f, texts[i]);
      items[i].classList.toggle('filtered', !ok);
      if (ok) n++;
    });
    shownCount.textContent = n === replay.events.length ? `${n} entries` : `${n} of ${replay.events.length} entries`;
    shown = -1;
    draw(true);
  }
  for (const control of [kindSel, sideSel, placeSel, majorBox]) control.addEventListener('change', applyFilter);
  search.addEventListener('input', applyFilter);

  const map = new MapView(mapBox);
  map.setReplay(replay);
  map.svg.attr('aria-describedby', 'replay-date replay-counts');
  map.onZoom = () => draw(false);

  function drawStrip() {
    const [lo, hi] = range();
    const span = Math.max(1, hi - lo);
    strip.replaceChildren();
    const every = zoomed ? 1 : 7;
    for (let d = Math.ceil(lo / DAY); d * DAY <= hi; d += every) {
      const at = ((d * DAY - lo) / span) * 100;
      // A date at the very right end would run off the page (its label is centred on the tick): it is left out.
      if (at > 97) continue;
      strip.append(h('span', { class: 'tick', style: `left:${at}%` }, shortDate(replay.calendar, d * DAY)));
    }
    for (const m of markers(replay.events)) {
      if (m.hour < lo || m.hour > hi) continue;
      const text = texts[m.index];
      const b = h('button', { type: 'button', class: `marker tone-${eventTone(m.kind)}`, role: 'listitem', title: `${m.date}: ${text}`, style: `left:${((m.hour - lo) / span) * 100}%`, 'data-kind': m.kind, 'data-index': m.index, 'aria-label': `${m.date}: ${text}` });
      b.addEventListener('click', () => choose(m, true));
      strip.append(b);
    }
    slider.min = String(lo);
    slider.max = String(hi);
    zoom.setAttribute('aria-pressed', String(zoomed));
  }

  function setZoom(on: boolean) {
    zoomed = on && canZoom;
    if (zoomed && (hour < siegeFrom || hour > siegeTo)) hour = siegeFrom;
    drawStrip();
    draw();
  }

  /** Selects an event: seeks to its hour, explains it, and (when asked by the user) brings the explanation into view. */
  function choose(e: SiegeEvent, reveal: boolean) {
    selected = e;
    seek(e.hour);
    showDetail(e, reveal);
  }

  function showDetail(e: SiegeEvent, reveal: boolean) {
    const x = explainEvent(e, replay);
    detail.replaceChildren(
      h('h3', {}, x.title),
      h('p', { class: 'when' }, x.when),
      h('table', {}, h('tbody', {}, ...x.rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))),
      x.verdict ? h('p', { class: 'verdict' }, x.verdict) : '');
    items.forEach((li, i) => {
      li.classList.toggle('selected', i === e.index);
      if (i === e.index) li.setAttribute('aria-current', 'true');
      else li.removeAttribute('aria-current');
    });
    const chosen = items[e.index];
    if (chosen && !chosen.classList.contains('filtered')) chronicle.scrollTop = Math.max(0, chosen.offsetTop - chronicle.offsetTop - 8);
    if (reveal) detail.scrollIntoView({ block: 'nearest' });
    updateLink();
  }

  function sideCounts(r: Replay, present: number[]) {
    const side = (s: string) => r.contingents.reduce((a, c, i) => a + (c.side === s ? present[i] ?? 0 : 0), 0);
    return [
      h('span', { class: 'count side-roman' }, `Romans ${side('roman').toLocaleString('en-GB')}`),
      h('span', { class: 'count side-avar' }, `Khagan's host ${side('avar').toLocaleString('en-GB')}`),
      h('span', { class: 'count side-persian' }, `Persians ${side('persian').toLocaleString('en-GB')}`),
    ];
  }

  async function setComparison(c: Comparison | undefined) {
    compareKey = c?.key ?? '';
    compareSel.value = !c ? '' : c.key.startsWith('seed:') ? 'seed' : c.key;
    compareSeed.hidden = compareSel.value !== 'seed';
    if (c?.key.startsWith('seed:')) compareSeed.value = String(c.seed);
    other = undefined;
    maps.replaceChildren(mainFigure);
    maps.classList.remove('two');
    mainCaption.textContent = '';
    compareStatus.textContent = '';
    if (c) {
      compareStatus.textContent = `Running: ${c.label.toLowerCase()}…`;
      let second: Replay;
      try {
        second = await api.run(app.scenario, c.seed, c.overrides);
      } catch (e) {
        compareStatus.replaceChildren(problemList(e));
        return;
      }
      if (compareKey !== c.key) return; // another choice came first
      compareStatus.textContent = '';
      const box = h('div', { class: 'map-box' });
      const counts = h('div', { class: 'counts' });
      const o = second.summary;
      const figure = h('figure', { class: 'map-figure other-run' },
        h('figcaption', { class: 'map-caption' }, h('strong', {}, `Beside it: ${c.label}`), ` · ${o.outcome} (${o.cause.replaceAll('-', ' ')}), ${o.endDate}`, counts),
        box);
      maps.append(figure);
      maps.classList.add('two');
      mainCaption.replaceChildren(h('strong', {}, `This run: seed ${replay.seed}`), ` · ${replay.summary.outcome} (${replay.summary.cause.replaceAll('-', ' ')}), ${replay.summary.endDate}`, mainCounts);
      const map = new MapView(box);
      map.setReplay(second);
      map.svg.attr('aria-label', `Map of the run beside it: ${c.label}`);
      other = { c, replay: second, map, counts };
      map.onZoom = () => draw(false);
    }
    draw(false);
  }

  function updateLink() {
    clearTimeout(linkTimer);
    linkTimer = window.setTimeout(() => {
      const target = replayLink(hour, selected && selected.hour === hour ? selected.index : undefined, compareKey || undefined);
      link.href = target;
      const start = branchStart(hour, replay.hours);
      branchHere.href = branchLink(hour, replay.hours, replay.seed);
      branchHere.title = start === undefined ? 'The run is over: there is nothing left to branch.' : `Run it many times from ${formatHour(replay.calendar, start)} on, as it was and under variants`;
      branchHere.toggleAttribute('aria-disabled', start === undefined);
      if (location.hash.startsWith('#/replay') && location.hash !== target) history.replaceState(history.state, '', target);
    }, 200);
  }

  let shown = -1;
  function draw(scroll = true) {
    const state = shownState(replay, hour);
    map.render(state, replay.events);
    dateOut.textContent = formatHour(replay.calendar, hour);
    slider.value = String(hour);
    const n = eventCountAt(replay.events, hour);
    if (n !== shown) {
      items.forEach((li, i) => {
        li.classList.toggle('future', i >= n);
        li.classList.toggle('now', i < n && replay.events[i].hour > hour - DAY);
      });
      shown = n;
      if (scroll) {
        // The latest entry that passed the filter, at the bottom of the chronicle; the chronicle scrolls, never the page.
        let i = n - 1;
        while (i >= 0 && items[i].classList.contains('filtered')) i--;
        const item = items[i];
        if (item) chronicle.scrollTop = Math.max(0, item.offsetTop - chronicle.offsetTop - chronicle.clientHeight + item.offsetHeight + 8);
        else chronicle.scrollTop = 0;
      }
    }
    counts.replaceChildren(...sideCounts(replay, state.present));
    if (other) {
      const second = shownState(other.replay, Math.min(hour, other.replay.hours));
      other.map.render(second, other.replay.events);
      other.counts.replaceChildren(...sideCounts(other.replay, second.present));
      mainCounts.replaceChildren(...sideCounts(replay, state.present));
    }
    updateLink();
  }

  function seek(to: number) {
    hour = clampHour(to, replay.hours);
    if (zoomed && (hour < siegeFrom || hour > siegeTo)) {
      zoomed = false;
      drawStrip();
    }
    draw();
  }

  function jumpMajor(direction: 1 | -1) {
    const target = nextMajor(replay.events, hour, direction);
    if (target) choose(target, false);
  }

  function tick(now: number) {
    if (!playing) return;
    if (last) {
      const advance = ((now - last) / 1000) * speed;
      if (advance >= 1) {
        seek(hour + Math.floor(advance));
        last = now - ((advance % 1) * 1000) / speed;
      }
    } else last = now;
    if (hour >= range()[1]) setPlaying(false);
    else timer = requestAnimationFrame(tick);
  }

  function setPlaying(on: boolean) {
    playing = on;
    play.textContent = on ? '❚❚' : '▶';
    play.setAttribute('aria-label', on ? 'Pause' : 'Play');
    cancelAnimationFrame(timer);
    last = 0;
    if (on) {
      if (hour >= range()[1]) hour = range()[0];
      timer = requestAnimationFrame(tick);
    }
  }

  play.addEventListener('click', () => setPlaying(!playing));
  speedSel.addEventListener('change', () => (speed = Number(speedSel.value)));
  slider.addEventListener('input', () => seek(Number(slider.value)));
  previous.addEventListener('click', () => jumpMajor(-1));
  next.addEventListener('click', () => jumpMajor(1));
  zoom.addEventListener('click', () => setZoom(!zoomed));
  const chooseComparison = () => {
    const v = compareSel.value;
    const seed = Math.max(0, Math.floor(Number(compareSeed.value) || 0));
    void setComparison(comparison(v === 'seed' ? `seed:${seed}` : v || null, replay, app.overrides));
  };
  compareSel.addEventListener('change', chooseComparison);
  compareSeed.addEventListener('change', chooseComparison);
  const onKey = (ev: KeyboardEvent) => {
    const target = ev.target as HTMLElement;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (target.matches('input:not([type=range]):not([type=checkbox]), select, textarea')) return;
    const arrow = ev.key === 'ArrowLeft' || ev.key === 'ArrowRight';
    // The slider steps an hour itself; a day with Shift is ours, as everywhere else on the page.
    if (target === slider && arrow && !ev.shiftKey) return;
    const stepBy = ev.shiftKey ? DAY : 1;
    const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    if (key === 'ArrowRight') seek(hour + stepBy);
    else if (key === 'ArrowLeft') seek(hour - stepBy);
    else if (key === 'Home') seek(range()[0]);
    else if (key === 'End') seek(range()[1]);
    else if (key === 'n') jumpMajor(1);
    else if (key === 'p') jumpMajor(-1);
    else if (key === 'z' && canZoom) setZoom(!zoomed);
    else if (key === ' ' && !target.matches('button, li, a, input')) setPlaying(!playing);
    else return;
    ev.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  const onResize = () => draw(false);
  window.addEventListener('resize', onResize);

  const s = replay.summary;
  summary.append(
    h('h3', {}, `Outcome: ${s.outcome}`, h('small', {}, ` (${s.cause.replaceAll('-', ' ')})`)),
    h('dl', {},
      h('dt', {}, 'Ended'), h('dd', {}, s.endDate),
      h('dt', {}, 'Close siege'), h('dd', {}, `${s.closeSiegeDays} days, walls at worst ${(s.minWallIntegrityPermille / 10).toFixed(1)}\u00a0%`),
      h('dt', {}, 'Losses'), h('dd', {}, `Romans ${s.romanLosses.toLocaleString('en-GB')}, host ${s.hostLosses.toLocaleString('en-GB')}, Persians ${s.persianLosses.toLocaleString('en-GB')}`),
      h('dt', {}, 'Boats'), h('dd', {}, `${s.canoesLaunched} launched, ${s.canoesLost} lost`)),
    h('p', { class: 'small' }, `Seed ${replay.seed} · state ${s.stateHash} · ${changedText(Object.keys(app.overrides).length)}`));
  const warnings = replay.warnings.length
    ? h('details', { class: 'warnings' }, h('summary', {}, `${replay.warnings.length} note${replay.warnings.length === 1 ? '' : 's'} from the scenario loader`), ...replay.warnings.map((w) => h('p', {}, w)))
    : '';

  // Keyboard users skip the map (its features are for the pointer; the same facts are in the chronicle).
  const skip = h('a', { class: 'skip-link', href: '#/replay' }, 'Skip the map: go to the timeline');
  skip.addEventListener('click', (ev) => {
    ev.preventDefault();
    play.focus();
  });

  root.replaceChildren(
    h('section', { class: 'replay' },
      h('div', { class: 'stage' },
        h('div', { class: 'stage-head' }, h('h1', {}, replay.name), counts),
        app.replayFile ? h('p', { class: 'opened-file' }, `From the replay file ${app.replayFile}: seed ${replay.seed}, with the orders it records (the chronicle says who gave each).`) : '',
        app.replayNote ? h('p', { class: 'opened-file war-siege-note' }, app.replayNote) : '',
        openFileControl(),
        skip,
        maps,
        h('div', { class: 'controls', id: 'timeline-controls' }, play, speedSel, previous, next, zoom, dateOut, link, branchHere),
        h('div', { class: 'timeline' }, slider, strip),
        h('div', { class: 'compare-bar' }, h('label', {}, 'Beside it, on a second map: ', compareSel), compareSeed, compareStatus),
        legend(),
        h('p', { class: 'keys' }, 'Keys: ← → an hour, Shift + ← → a day (on the slider too), N / P the next or previous great event, Z the close siege only, Space play or pause, Home / End. Drag the map to pan, scroll to zoom; hover a feature for its source.')),
      h('aside', { class: 'side-pane' }, summary, warnings,
        h('h2', {}, 'Chronicle'), filterBar, chronicle,
        h('h2', {}, 'Why'), detail)));
  drawStrip();
  applyFilter();
  if (selected) showDetail(selected, false);
  void setComparison(comparison(query.get('compare'), replay, app.overrides));
  return () => {
    setPlaying(false);
    clearTimeout(linkTimer);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
  };
}
