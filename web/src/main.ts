import './style.css';
import { h } from './dom';

// Each page is its own chunk, loaded when first opened: the home page and the scenario table need neither the map
// (d3, the coastline) nor the charts (Vega), which only the experiments page loads, once it has results to draw.
const root = document.getElementById('app')!;
let leave: (() => void) | undefined;

function home(el: HTMLElement) {
  el.replaceChildren(
    h('section', { class: 'hero' },
      h('h1', {}, 'The siege of Constantinople, 626'),
      h('p', { class: 'lede' },
        'From 29 July to 7 August 626 the Avar khagan stormed the land walls while a Persian army waited across the Bosporus at Chalcedon. ',
        'Bosporos runs that siege hour by hour from cited figures: change a number, run it again, or run it thousands of times.'),
      h('div', { class: 'tiles' },
        h('a', { class: 'tile', href: '#/scenario' }, h('strong', {}, 'Scenario'), h('span', {}, 'Every figure with its source, reliability and range. Edit and run.')),
        h('a', { class: 'tile', href: '#/replay' }, h('strong', {}, 'Map & replay'), h('span', {}, 'Watch a run on the map of the city; seek to any hour; see why each event happened.')),
        h('a', { class: 'tile', href: '#/experiments' }, h('strong', {}, 'Experiments'), h('span', {}, 'Compare variants over many runs: no fleet, half the garrison, your own.')),
        h('a', { class: 'tile', href: '#/war' }, h('strong', {}, 'The war, 622–628'), h('span', {}, 'The Near East map of the campaign: armies on the roads day by day, battles, sieges, the king\'s couriers; zoom into the siege.')),
        h('a', { class: 'tile', href: '#/play' }, h('strong', {}, 'Play'), h('span', {}, 'Command the defenders or the khagan against an AI that looks ahead with the model, with the odds of every order.')))));
}

let generation = 0;
async function route() {
  leave?.();
  leave = undefined;
  const mine = ++generation;
  const [path, queryText] = location.hash.replace(/^#\/?/, '').split('?');
  const query = new URLSearchParams(queryText ?? '');
  document.querySelectorAll<HTMLAnchorElement>('nav a').forEach((a) => a.setAttribute('aria-current', String(a.dataset.route === path)));
  document.body.dataset.page = path || 'home';
  let done: (() => void) | undefined;
  if (path === 'scenario') await (await import('./scenario/scenarioPage')).scenarioPage(root);
  else if (path === 'replay') done = await (await import('./replay/replayPage')).replayPage(root, query);
  else if (path === 'experiments') done = await (await import('./experiments/experimentsPage')).experimentsPage(root, query);
  else if (path === 'war') done = await (await import('./war/warPage')).warPage(root, query);
  else if (path === 'play') done = await (await import('./play/playPage')).playPage(root, query);
  else home(root);
  // A page left before it finished loading is closed at once.
  if (mine === generation) leave = done;
  else done?.();
}

document.getElementById('skip-main')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  root.focus();
});
window.addEventListener('hashchange', () => void route());
void route();
