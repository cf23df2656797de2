import { api, ApiError } from '../api';
import { h, problemList } from '../dom';
import { eventTone } from '../events';
import { MapView } from '../map/mapView';
import { stateAt } from '../replay/timeline';
import { eventSentence } from '../replay/eventText';
import { app, loadScenarios } from '../state';
import type { Game, Odds, OptionOdds, PlayOption } from '../types';
import { chronicleEvents, grouped, headline, men, oddsSentence, optionsAt, percent, playerSides, reasonsText, SIDE_TITLES } from './playText';

const LEVELS: [number, string][] = [
  [1, '1: a day ahead, 16 futures per option'],
  [2, '2: two days ahead, 32 futures'],
  [3, '3: three days ahead, 64 futures'],
  [4, '4: three days ahead, 200 futures'],
];

/** The Play page: command one side of the siege against the look-ahead AI, from decision point to decision point. */
export async function playPage(root: HTMLElement, query: URLSearchParams): Promise<() => void> {
  let closed = false;
  try {
    await loadScenarios();
  } catch (e) {
    root.replaceChildren(problemList(e));
    return () => undefined;
  }
  const id = query.get('game');
  if (id && /^[0-9a-f]{32}$/.test(id)) {
    root.replaceChildren(h('p', { class: 'loading' }, 'Opening the game…'));
    try {
      const game = await api.game(id);
      if (!closed) showGame(root, game, () => closed);
    } catch (e) {
      setup(root, e);
    }
  } else {
    setup(root);
  }
  return () => {
    closed = true;
  };
}

/** Remembers the game in the address (without reloading the page), so a reload opens it again while the server keeps it. */
function remember(id: string | undefined) {
  history.replaceState(null, '', id ? `#/play?game=${id}` : '#/play');
}

/** A file chooser for saves; `onText` gets the file's text. */
function resumeInput(onText: (text: string) => void): HTMLLabelElement {
  const input = h('input', { type: 'file', accept: '.json,application/json', class: 'resume-file' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (file) onText(await file.text());
    input.value = '';
  });
  return h('label', { class: 'button resume' }, 'Resume from a save… ', input);
}

function setup(root: HTMLElement, error?: unknown) {
  remember(undefined);
  const status = h('div', { class: 'play-status', 'aria-live': 'polite' });
  if (error) status.append(problemList(error));
  const scenario = h('select', { 'aria-label': 'Scenario', class: 'scenario' }, ...app.scenarios.map((s) => h('option', { value: s.id, selected: s.id === app.scenario }, s.name)));
  const side = h('select', { 'aria-label': 'Your side', class: 'side' },
    h('option', { value: 'roman' }, SIDE_TITLES.roman), h('option', { value: 'avar' }, SIDE_TITLES.avar), h('option', { value: 'none' }, 'Neither: watch the AI play'));
  const level = h('select', { 'aria-label': 'AI level', class: 'level' }, ...LEVELS.map(([n, text]) => h('option', { value: n, selected: n === 2 }, text)));
  const seed = h('input', { type: 'number', min: 0, step: 1, value: app.seed, class: 'seed', 'aria-label': 'Seed' });
  const start = h('button', { type: 'button', class: 'primary start-game' }, 'Begin the siege');
  const begin = async (make: () => Promise<Game>) => {
    start.disabled = true;
    status.replaceChildren(h('p', { class: 'loading' }, 'Setting up the siege…'));
    try {
      showGame(root, await make(), () => false);
    } catch (e) {
      status.replaceChildren(problemList(e));
      start.disabled = false;
    }
  };
  start.addEventListener('click', () => void begin(() => api.newGame({ scenario: scenario.value, seed: Number(seed.value) || 0, side: side.value, aiLevel: Number(level.value) })));
  root.replaceChildren(
    h('section', { class: 'play-setup card' },
      h('h1', {}, 'Play the siege'),
      h('p', { class: 'lede' },
        'Command the defenders or the khagan from decision point to decision point (dawn, dusk, and the hour after anything notable). ',
        'The other side is played by a commander that looks ahead with the model itself; every option comes with its odds from sampled futures.'),
      h('div', { class: 'toolbar' },
        h('label', {}, 'Scenario ', scenario), h('label', {}, 'You command ', side), h('label', {}, 'AI level ', level), h('label', {}, 'Seed ', seed)),
      h('div', { class: 'toolbar play-start' }, start, resumeInput((text) => void begin(() => api.resume(text)))),
      status));
}

function showGame(root: HTMLElement, first: Game, isClosed: () => boolean) {
  let game = first;
  let options: PlayOption[] = [];
  let odds: Odds | undefined;
  let level = Math.max(1, Math.min(4, game.aiLevel || 2));
  let busy = false;
  let seen = new Set<number>();
  let oddsGeneration = 0;

  const title = h('h1', { class: 'play-title' });
  const date = h('output', { class: 'date play-date', 'aria-live': 'polite' });
  const reasons = h('span', { class: 'play-reasons' });
  const counts = h('div', { class: 'counts play-counts' });
  const over = h('div', { class: 'game-over', role: 'status', hidden: true });
  const mapBox = h('div', { class: 'map-box' });
  const menu = h('div', { class: 'place-menu', hidden: true, role: 'dialog', 'aria-label': 'Orders for this place' });
  const status = h('div', { class: 'play-status', 'aria-live': 'polite' });
  const advance = h('button', { type: 'button', class: 'primary advance', title: 'The AI decides, every order is carried out, and the siege runs to the next decision point' }, 'Advance to the next decision ▸');
  const clear = h('button', { type: 'button', class: 'clear-orders' }, 'Withdraw my orders');
  const pending = h('ul', { class: 'pending', 'aria-label': 'Orders for this hour' });
  const commanderSel = (side: string) => {
    const sel = h('select', { class: `commander commander-${side}`, 'aria-label': `Who commands ${SIDE_TITLES[side]}` },
      h('option', { value: 'player' }, 'you'), h('option', { value: 'ai' }, 'the AI'), h('option', { value: 'doctrine' }, 'the doctrine'));
    sel.addEventListener('change', () => void act(() => api.command(game.id, side, sel.value)));
    return sel;
  };
  const commanders = { roman: commanderSel('roman'), avar: commanderSel('avar') };
  const save = h('button', { type: 'button', class: 'save-game' }, 'Save (download)');
  const restart = h('button', { type: 'button', class: 'new-game' }, 'New game');
  // When you command both sides, the panel and the map offer the orders of the side chosen here.
  const sideSel = h('select', { class: 'panel-side', 'aria-label': 'Orders of' },
    h('option', { value: 'roman' }, SIDE_TITLES.roman), h('option', { value: 'avar' }, SIDE_TITLES.avar));
  const sideBox = h('label', { class: 'small panel-side-box', hidden: true }, 'Orders of: ', sideSel);
  const panelSide = (): string | undefined => {
    const sides = playerSides(game);
    return sides.includes(sideSel.value) ? sideSel.value : sides[0];
  };
  const levelSel = h('select', { class: 'odds-level', 'aria-label': 'Odds level' }, ...LEVELS.map(([n, text]) => h('option', { value: n, selected: n === level }, text)));
  const oddsStatus = h('p', { class: 'odds-status small', 'aria-live': 'polite' });
  const optionList = h('div', { class: 'options', 'aria-label': 'Your options' });
  const aiChoice = h('p', { class: 'ai-choice small' });
  const chronicle = h('ol', { class: 'chronicle play-chronicle', 'aria-label': 'Chronicle' });

  root.replaceChildren(h('div', { class: 'replay play' },
    h('section', { class: 'stage' },
      h('div', { class: 'stage-head' }, title, h('div', {}, date, ' ', reasons)),
      counts, over,
      h('div', { class: 'map-wrap' }, mapBox, menu),
      h('p', { class: 'hint small' }, 'Click a wall sector (reinforce, sortie, assault) or a water station (move warships) on the map, or give an option from the list.'),
      h('div', { class: 'controls play-controls' }, advance, clear, save, resumeInput((text) => void act(() => api.resume(text), true)), restart),
      h('div', { class: 'orders-box' }, h('h2', {}, 'Orders for this hour'), pending),
      h('div', { class: 'toolbar commanders' },
        h('label', {}, `${SIDE_TITLES.roman}: `, commanders.roman), h('label', {}, `${SIDE_TITLES.avar}: `, commanders.avar)),
      status),
    h('aside', { class: 'side-pane play-pane' },
      h('h2', {}, 'Options and their odds'),
      sideBox, h('label', { class: 'small' }, 'Look ahead: ', levelSel), oddsStatus, aiChoice, optionList,
      h('h2', {}, 'Chronicle'), chronicle)));

  const map = new MapView(mapBox);
  const targets = map.addLayer('order-targets');
  map.onZoom = () => drawTargets();

  advance.addEventListener('click', () => void act(() => api.advance(game.id)));
  clear.addEventListener('click', () => void act(() => api.clearOrders(game.id)));
  restart.addEventListener('click', () => setup(root));
  sideSel.addEventListener('change', () => void weigh());
  levelSel.addEventListener('change', () => {
    level = Number(levelSel.value);
    void weigh();
  });
  save.addEventListener('click', async () => {
    try {
      const { blob, name } = await api.save(game.id);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.replaceChildren(h('p', {}, `Saved as ${name}: resume it here, or check it with 'bosporos replay ${name} --verify'.`));
    } catch (e) {
      status.replaceChildren(problemList(e));
    }
  });
  document.addEventListener('keydown', closeMenuOnEscape);
  function closeMenuOnEscape(ev: KeyboardEvent) {
    if (ev.key === 'Escape') menu.hidden = true;
  }

  /** Sends a request that changes the game and draws what comes back; a resume starts drawing a new game. */
  async function act(request: () => Promise<Game>, replaces = false) {
    if (busy) return;
    busy = true;
    setBusy();
    menu.hidden = true;
    try {
      const next = await request();
      if (isClosed()) return;
      const moved = replaces || next.view.hour !== game.view.hour || next.id !== game.id;
      if (replaces) seen = new Set<number>();
      show(next, moved);
      status.replaceChildren(next.message ? h('p', {}, next.message) : '');
    } catch (e) {
      status.replaceChildren(problemList(e));
      if (e instanceof ApiError && e.problem.status === 404) status.append(h('p', {}, 'Start a new game, or resume this one from its save.'));
    } finally {
      busy = false;
      setBusy();
    }
  }

  function setBusy() {
    advance.disabled = busy || game.view.over;
    clear.disabled = busy || game.pending.length === 0;
    save.disabled = busy;
    optionList.querySelectorAll('button').forEach((b) => (b.disabled = busy || game.view.over));
  }

  function show(next: Game, moved: boolean) {
    const newGame = next.id !== game.id;
    game = next;
    remember(game.id);
    if (newGame || moved) map.setReplay(game.map);
    map.render(stateAt(game.map, game.map.hours), game.map.events);
    title.textContent = headline(game);
    date.textContent = game.date;
    reasons.textContent = `(${reasonsText(game.view.reasons)})`;
    const v = game.view;
    counts.replaceChildren(
      h('span', { class: 'count side-roman' }, `Romans ${men(v.romanMen)} (lost ${men(v.romanLost)})`),
      h('span', { class: 'count side-avar' }, `Khagan's host ${men(v.hostMen)} (lost ${men(v.hostLost)})`),
      h('span', { class: 'stat' }, `City morale ${Math.round(v.cityMoralePermille / 10)}%`),
      h('span', { class: 'stat' }, `Host willing ${Math.round(v.hostWillingPermille / 10)}%`),
      h('span', { class: 'stat' }, `Food: city ${v.cityFoodDays} d, host ${v.hostFoodDays} d`),
      v.persiansAshore > 0 ? h('span', { class: 'count side-persian' }, `Persians ashore ${men(v.persiansAshore)}`) : '',
      h('span', { class: 'stat' }, `Wind ${v.wind.replaceAll('-', ' ')}`));
    over.hidden = !v.over;
    over.textContent = v.over ? `The siege is over: ${v.outcome.replaceAll('-', ' ')}${v.endCause ? ` (${v.endCause.replaceAll('-', ' ')})` : ''}. Save the game to keep it.` : '';
    sideBox.hidden = playerSides(game).length < 2;
    sideSel.value = panelSide() ?? 'roman';
    commanders.roman.value = game.commanders.roman;
    commanders.avar.value = game.commanders.avar;
    // An option of several orders (a patrol moves ships from one station to another) is one line.
    const lines = game.pending.filter((o, i) => game.pending.findIndex((p) => p.side === o.side && p.text === o.text) === i);
    pending.replaceChildren(...(lines.length
      ? lines.map((o) => h('li', { 'data-kind': o.kind, class: `tone-${o.side}` }, h('strong', {}, o.side === 'roman' ? 'Defenders: ' : 'Khagan: '), o.text))
      : [h('li', { class: 'empty' }, 'None: your sides carry on by their doctrine.')]));
    const ai = Object.entries(game.lastAi).map(([s, label]) => `${SIDE_TITLES[s]}: ${label}`);
    aiChoice.textContent = ai.length ? `The AI's last orders. ${ai.join('. ')}.` : '';
    drawChronicle();
    setBusy();
    const side = panelSide();
    if (moved || newGame || options.length === 0 || (odds && odds.side !== side)) void weigh();
    else void refreshOptions();
    drawTargets();
  }

  function drawChronicle() {
    const events = chronicleEvents(game.map.events);
    const fresh = seen.size > 0;
    chronicle.replaceChildren(...events.map((e) => h('li', {
      class: `tone-${eventTone(e.kind)}${e.major ? ' major' : ''}${fresh && !seen.has(e.index) ? ' now' : ''}`, 'data-kind': e.kind, 'data-index': e.index,
    }, h('time', {}, e.date), ' ', eventSentence(game.map, e))));
    if (events.length === 0) chronicle.append(h('li', { class: 'empty' }, 'Nothing yet: the siege has not begun.'));
    seen = new Set(events.map((e) => e.index));
    chronicle.scrollTop = chronicle.scrollHeight;
  }

  /** The player's options now, then their odds (computed on request by the server, a moment at higher levels). */
  async function weigh() {
    const mine = ++oddsGeneration;
    const side = panelSide();
    odds = undefined;
    if (!side) {
      options = [];
      optionList.replaceChildren(h('p', { class: 'hint' }, 'You command neither side: choose "you" for one of them below the map to give orders.'));
      oddsStatus.textContent = '';
      return;
    }
    try {
      options = (await api.options(game.id, side)).options;
      if (mine !== oddsGeneration || isClosed()) return;
      drawOptions();
      drawTargets();
      if (game.view.over) {
        oddsStatus.textContent = 'The siege is over.';
        return;
      }
      oddsStatus.textContent = `Weighing the odds of ${options.length} options…`;
      const o = await api.odds(game.id, side, level);
      if (mine !== oddsGeneration || isClosed()) return;
      odds = o;
      oddsStatus.textContent = `Odds from ${o.samples} sampled futures per option over ${o.horizonDays === 1 ? 'one day' : `${o.horizonDays} days`} (hour ${o.hour}), both sides by doctrine after the option.`;
      drawOptions();
    } catch (e) {
      if (mine !== oddsGeneration) return;
      oddsStatus.replaceChildren(problemList(e));
    }
  }

  /** The options again after an order (standing orders change what is offered); the odds already weighed stay. */
  async function refreshOptions() {
    const side = panelSide();
    const mine = oddsGeneration;
    if (!side) return;
    try {
      const list = (await api.options(game.id, side)).options;
      if (mine !== oddsGeneration || isClosed()) return;
      options = list;
      drawOptions();
      drawTargets();
    } catch (e) {
      status.replaceChildren(problemList(e));
    }
  }

  function oddsOf(option: PlayOption): OptionOdds | undefined {
    return odds?.options.find((o) => o.id === option.id);
  }

  function optionRow(option: PlayOption, side: string): HTMLElement {
    const o = oddsOf(option);
    const given = game.pending.some((p) => p.text === option.label);
    const give = h('button', { type: 'button', class: 'give', 'data-option': option.id, disabled: busy || game.view.over || given }, given ? 'Given' : option.id === 'carry-on' ? 'Carry on' : 'Give');
    give.addEventListener('click', () => void act(() => api.order(game.id, side, option.id)));
    return h('li', { class: `option${given ? ' given' : ''}${o?.aiChoice ? ' ai-pick' : ''}`, 'data-option': option.id },
      h('span', { class: 'option-text' },
        h('span', { class: 'option-label' }, option.label, o?.aiChoice ? h('span', { class: 'badge pick', title: 'What the look-ahead commander would choose here' }, "AI's pick") : ''),
        h('small', { class: 'odds' }, o ? oddsSentence(o, odds!.horizonDays) : odds ? '' : '…')),
      give);
  }

  function drawOptions() {
    const side = panelSide();
    if (!side) return;
    optionList.replaceChildren(...grouped(options).map(([group, list]) =>
      h('section', { class: 'option-group' }, h('h3', {}, group), h('ul', {}, ...list.map((o) => optionRow(o, side))))));
  }

  /** Clickable marks on the wall sectors and water stations the player's options act on. */
  function drawTargets() {
    targets.selectAll('*').remove();
    const k = map.zoomScale || 1;
    const zones = game.map.zones;
    const place = (zoneId: string, name: string, kind: 'sector' | 'water', detail: string) => {
      const z = zones.find((x) => x.id === zoneId);
      if (!z) return;
      const [x, y] = map.project(z.lon, z.lat);
      const acting = optionsAt(options, zoneId);
      const g = targets.append('g').attr('class', `order-target ${kind}-target${acting.length ? ' actionable' : ''}`).attr('data-zone', zoneId)
        .attr('transform', `translate(${x},${y}) scale(${1 / Math.sqrt(k)})`).attr('role', 'button').attr('tabindex', acting.length ? 0 : -1)
        .attr('aria-label', `${name}: ${acting.length ? `${acting.length} order${acting.length === 1 ? '' : 's'}` : 'no order now'}`);
      if (kind === 'sector') g.append('rect').attr('x', -6).attr('y', -6).attr('width', 12).attr('height', 12).attr('transform', 'rotate(45)');
      else g.append('circle').attr('r', 7);
      g.append('title').text(`${name}: ${detail}${acting.length ? '. Click for orders.' : ''}`);
      g.on('click', (ev: MouseEvent) => {
        ev.stopPropagation();
        openPlace(zoneId, name, ev);
      });
      g.on('keydown', (ev: KeyboardEvent) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          openPlace(zoneId, name);
        }
      });
    };
    for (const s of game.view.sectors) {
      const walls = `outer wall ${percent(s.outerPermille / 1000)}, inner ${percent(s.innerPermille / 1000)}, ${men(s.defenders)} defenders${s.enginesBefore ? `, ${s.enginesBefore} engines before it` : ''}${s.underAssault ? ', under assault' : ''}`;
      place(s.zoneId, s.name, 'sector', walls);
    }
    for (const w of game.view.water) place(w.zoneId, w.name, 'water', `${w.warships} Roman warships on station`);
  }

  /** The orders of a clicked place: given at once when there is one, else offered in a small menu. */
  function openPlace(zoneId: string, name: string, ev?: MouseEvent) {
    const side = panelSide();
    const acting = side ? optionsAt(options, zoneId) : [];
    if (!side || acting.length === 0) {
      menu.hidden = true;
      status.replaceChildren(h('p', {}, side ? `No order of yours acts on ${name} now.` : 'You command neither side.'));
      return;
    }
    if (acting.length === 1) {
      void act(() => api.order(game.id, side, acting[0].id));
      return;
    }
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => (menu.hidden = true));
    menu.replaceChildren(h('div', { class: 'place-menu-head' }, h('strong', {}, name), close),
      h('ul', {}, ...acting.map((o) => optionRow(o, side))));
    const box = mapBox.getBoundingClientRect();
    const x = ev ? ev.clientX - box.left : box.width / 2;
    const y = ev ? ev.clientY - box.top : box.height / 3;
    menu.style.left = `${Math.max(4, Math.min(x + 8, box.width - 330))}px`;
    menu.hidden = false;
    // Inside the map: above the click when there is no room below it.
    menu.style.top = `${Math.max(4, Math.min(y + 8, box.height - menu.offsetHeight - 4))}px`;
    menu.querySelector<HTMLButtonElement>('button.give')?.focus();
  }

  show(first, true);
  if (first.message) status.replaceChildren(h('p', {}, first.message));
}
