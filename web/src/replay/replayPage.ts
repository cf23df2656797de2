import { h, problemList } from '../dom';
import { eventTone, explainEvent } from '../events';
import { MapView } from '../map/mapView';
import { app, ensureReplay } from '../state';
import type { Replay, SiegeEvent } from '../types';
import { formatHour, hourOfDate, shortDate } from './calendar';
import { clampHour, eventCountAt, markers, stateAt } from './timeline';

const SPEEDS = [6, 24, 72, 168]; // simulated hours per second

const changedText = (n: number) => (n === 0 ? 'figures as written' : `${n} figure${n === 1 ? '' : 's'} changed`);

/** Reads ?at=HOUR or ?date=MM-DD from the hash route. */
export function initialHour(replay: Pick<Replay, 'calendar' | 'hours'>, query: URLSearchParams): number {
  const at = query.get('at');
  if (at !== null && /^\d+$/.test(at)) return clampHour(Number(at), replay.hours);
  const date = query.get('date')?.match(/^(\d{1,2})-(\d{1,2})$/);
  if (date) return clampHour(hourOfDate(replay.calendar, Number(date[1]), Number(date[2])) + 12, replay.hours);
  return 0;
}

export async function replayPage(root: HTMLElement, query: URLSearchParams): Promise<() => void> {
  root.replaceChildren(h('p', { class: 'loading' }, 'Running the siege…'));
  let replay: Replay;
  try {
    replay = await ensureReplay();
  } catch (e) {
    root.replaceChildren(problemList(e));
    return () => undefined;
  }

  let hour = initialHour(replay, query);
  let playing = false;
  let speed = 24;
  let timer = 0;
  let last = 0;

  const mapBox = h('div', { class: 'map-box' });
  const dateOut = h('output', { class: 'date', 'aria-live': 'polite' });
  const slider = h('input', { type: 'range', min: 0, max: replay.hours, step: 1, value: hour, 'aria-label': 'Hour of the siege', class: 'slider' });
  const play = h('button', { type: 'button', class: 'primary play', 'aria-label': 'Play' }, '▶');
  const speedSel = h('select', { 'aria-label': 'Speed' }, ...SPEEDS.map((s) => h('option', { value: s, selected: s === speed }, s < 24 ? `${s} h/s` : `${s / 24} day${s === 24 ? '' : 's'}/s`)));
  const strip = h('div', { class: 'marker-strip', role: 'list', 'aria-label': 'Great events' });
  const chronicle = h('ol', { class: 'chronicle', 'aria-label': 'Chronicle' });
  const detail = h('div', { class: 'event-detail', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Click an entry of the chronicle or a marker to see why it happened: its inputs, the odds and the roll.'));
  const summary = h('div', { class: 'summary' });
  const counts = h('div', { class: 'counts' });

  // Days along the strip, and markers for the great events.
  const days = Math.ceil(replay.hours / 24);
  for (let d = 0; d <= days; d += 7) {
    strip.append(h('span', { class: 'tick', style: `left:${((d * 24) / replay.hours) * 100}%` }, shortDate(replay.calendar, d * 24)));
  }
  for (const m of markers(replay.events)) {
    const b = h('button', { type: 'button', class: `marker tone-${eventTone(m.kind)}`, role: 'listitem', title: `${m.date}: ${m.text}`, style: `left:${(m.hour / replay.hours) * 100}%`, 'data-kind': m.kind, 'aria-label': `${m.date}: ${m.text}` });
    b.addEventListener('click', () => {
      seek(m.hour);
      showDetail(m);
    });
    strip.append(b);
  }

  const items = replay.events.map((e) => {
    const li = h('li', { class: `tone-${eventTone(e.kind)}${e.major ? ' major' : ''}`, 'data-kind': e.kind, 'data-hour': e.hour, tabindex: 0 },
      h('time', {}, e.date), ' ', e.text);
    const open = () => {
      seek(e.hour);
      showDetail(e);
    };
    li.addEventListener('click', open);
    li.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') open();
    });
    return li;
  });
  chronicle.append(...items);
  if (items.length === 0) chronicle.append(h('li', { class: 'empty' }, 'No events in this run.'));

  const map = new MapView(mapBox);
  map.setReplay(replay);
  map.onZoom = () => draw(false);

  function showDetail(e: SiegeEvent) {
    const x = explainEvent(e);
    detail.replaceChildren(
      h('h3', {}, x.title),
      h('p', { class: 'when' }, x.when),
      h('table', {}, h('tbody', {}, ...x.rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))),
      x.verdict ? h('p', { class: 'verdict' }, x.verdict) : '');
    items.forEach((li, i) => li.classList.toggle('selected', i === e.index));
    const chosen = items[e.index];
    if (chosen) chronicle.scrollTop = Math.max(0, chosen.offsetTop - chronicle.offsetTop - 8);
  }

  let shown = -1;
  function draw(scroll = true) {
    const state = stateAt(replay, hour);
    map.render(state, replay.events);
    dateOut.textContent = formatHour(replay.calendar, hour);
    slider.value = String(hour);
    const n = eventCountAt(replay.events, hour);
    if (n !== shown) {
      items.forEach((li, i) => {
        li.classList.toggle('future', i >= n);
        li.classList.toggle('now', i < n && replay.events[i].hour > hour - 24);
      });
      shown = n;
      if (scroll && n > 0) {
        const item = items[n - 1];
        // Scroll the chronicle only, never the page.
        chronicle.scrollTop = Math.max(0, item.offsetTop - chronicle.offsetTop - chronicle.clientHeight + item.offsetHeight + 8);
      }
    }
    const side = (s: string) => replay.contingents.reduce((a, c, i) => a + (c.side === s ? state.present[i] ?? 0 : 0), 0);
    counts.replaceChildren(
      h('span', { class: 'count side-roman' }, `Romans ${side('roman').toLocaleString('en-GB')}`),
      h('span', { class: 'count side-avar' }, `Khagan's host ${side('avar').toLocaleString('en-GB')}`),
      h('span', { class: 'count side-persian' }, `Persians ${side('persian').toLocaleString('en-GB')}`));
  }

  function seek(to: number) {
    hour = clampHour(to, replay.hours);
    draw();
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
    if (hour >= replay.hours) setPlaying(false);
    else timer = requestAnimationFrame(tick);
  }

  function setPlaying(on: boolean) {
    playing = on;
    play.textContent = on ? '❚❚' : '▶';
    play.setAttribute('aria-label', on ? 'Pause' : 'Play');
    cancelAnimationFrame(timer);
    last = 0;
    if (on) {
      if (hour >= replay.hours) hour = 0;
      timer = requestAnimationFrame(tick);
    }
  }

  play.addEventListener('click', () => setPlaying(!playing));
  speedSel.addEventListener('change', () => (speed = Number(speedSel.value)));
  slider.addEventListener('input', () => seek(Number(slider.value)));
  const onKey = (ev: KeyboardEvent) => {
    const target = ev.target as HTMLElement;
    if (target.matches('input:not([type=range]), select, textarea')) return;
    if (target === slider && (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight')) return; // the slider steps itself
    const stepBy = ev.shiftKey ? 24 : 1;
    if (ev.key === 'ArrowRight') seek(hour + stepBy);
    else if (ev.key === 'ArrowLeft') seek(hour - stepBy);
    else if (ev.key === 'Home') seek(0);
    else if (ev.key === 'End') seek(replay.hours);
    else if (ev.key === ' ' && !target.matches('button, li')) setPlaying(!playing);
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
      h('dt', {}, 'Close siege'), h('dd', {}, `${s.closeSiegeDays} days`),
      h('dt', {}, 'Losses'), h('dd', {}, `Romans ${s.romanLosses.toLocaleString('en-GB')}, host ${s.hostLosses.toLocaleString('en-GB')}, Persians ${s.persianLosses.toLocaleString('en-GB')}`),
      h('dt', {}, 'Boats'), h('dd', {}, `${s.canoesLaunched} launched, ${s.canoesLost} lost`),
      h('dt', {}, 'Walls'), h('dd', {}, `weakest at ${(s.minWallIntegrityPermille / 10).toFixed(1)} %`)),
    h('p', { class: 'small' }, `Seed ${replay.seed} · state ${s.stateHash} · ${changedText(Object.keys(app.overrides).length)}`));
  const warnings = replay.warnings.length
    ? h('details', { class: 'warnings' }, h('summary', {}, `${replay.warnings.length} note${replay.warnings.length === 1 ? '' : 's'} from the scenario loader`), ...replay.warnings.map((w) => h('p', {}, w)))
    : '';

  root.replaceChildren(
    h('section', { class: 'replay' },
      h('div', { class: 'stage' },
        h('div', { class: 'stage-head' }, h('h1', {}, replay.name), counts),
        mapBox,
        h('div', { class: 'controls' }, play, speedSel, dateOut),
        h('div', { class: 'timeline' }, slider, strip),
        h('p', { class: 'keys' }, 'Keys: ← → an hour, Shift + ← → a day, Space play or pause, Home / End. Drag the map to pan, scroll to zoom; hover a feature for its source.')),
      h('aside', { class: 'side-pane' }, summary, warnings, h('h2', {}, 'Chronicle'), chronicle, h('h2', {}, 'Why'), detail)));
  draw();
  return () => {
    setPlaying(false);
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
  };
}
