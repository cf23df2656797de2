import './style.css';
import { h } from './dom';
import { experimentsPage } from './experiments/experimentsPage';
import { replayPage } from './replay/replayPage';
import { scenarioPage } from './scenario/scenarioPage';

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
        h('a', { class: 'tile', href: '#/experiments' }, h('strong', {}, 'Experiments'), h('span', {}, 'Compare variants over many runs: no fleet, half the garrison, your own.')))));
}

async function route() {
  leave?.();
  leave = undefined;
  const [path, queryText] = location.hash.replace(/^#\/?/, '').split('?');
  const query = new URLSearchParams(queryText ?? '');
  document.querySelectorAll<HTMLAnchorElement>('nav a').forEach((a) => a.setAttribute('aria-current', String(a.dataset.route === path)));
  document.body.dataset.page = path || 'home';
  if (path === 'scenario') await scenarioPage(root);
  else if (path === 'replay') leave = await replayPage(root, query);
  else if (path === 'experiments') leave = await experimentsPage(root);
  else home(root);
}

window.addEventListener('hashchange', () => void route());
void route();
