import type { WarReplay, WarSummary } from './war/warTypes';
import type { ExperimentResult, ExperimentStarted, Game, Odds, PlayOption, Problem, Replay, ScenarioDetail, ScenarioSummary } from './types';

/** An answer that was not 2xx, carrying the server's problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

// The access token, when the server asks for one: given once as ?token= in the page address, kept for the tab.
function token(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem('bosporos-token', fromUrl);
  return sessionStorage.getItem('bosporos-token');
}

/** Adds ?token= to URLs the browser fetches without our headers (EventSource, download links). */
export function withToken(url: string): string {
  const t = token();
  return t ? `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(t)}` : url;
}

async function call<T>(method: string, url: string, body?: unknown, raw = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError({ status: response.status, ...json });
  return json as T;
}

export const api = {
  scenarios: () => call<ScenarioSummary[]>('GET', '/api/scenarios'),
  scenario: (id: string) => call<ScenarioDetail>('GET', `/api/scenarios/${encodeURIComponent(id)}`),
  wars: () => call<WarSummary[]>('GET', '/api/wars'),
  /** One war run (seed), day by day: the war replay. */
  warReplay: (id: string, seed: number) => call<WarReplay>('GET', `/api/wars/${encodeURIComponent(id)}/replay?seed=${seed}`),
  /** The siege of the capital inside that war run, as the siege replay page shows a run. */
  warSiege: (id: string, seed: number) => call<Replay>('GET', `/api/wars/${encodeURIComponent(id)}/siege?seed=${seed}`),
  limits: () => call<{ maxRunsPerExperiment: number; maxVariants: number; maxConcurrentExperiments: number }>('GET', '/api/limits'),
  run: (scenario: string, seed: number, overrides: Record<string, number | string>) =>
    call<Replay>('POST', '/api/runs', { scenario, seed, overrides }),
  startExperiment: (body: { scenario: string; runs: number; seed: number; variants: { name: string; overrides: Record<string, number | string> }[] }) =>
    call<ExperimentStarted>('POST', '/api/experiments', body),
  startBranch: (body: { scenario: string; seed: number; overrides: Record<string, number | string>; hour: number; runs: number; variants: { name: string; overrides: Record<string, number | string> }[] }) =>
    call<ExperimentStarted>('POST', '/api/experiments/branch', body),
  experiment: (id: string) => call<ExperimentResult>('GET', `/api/experiments/${encodeURIComponent(id)}`),
  newGame: (body: { scenario: string; seed: number; side: string; aiLevel: number }) => call<Game>('POST', '/api/games', body),
  game: (id: string) => call<Game>('GET', `/api/games/${encodeURIComponent(id)}`),
  options: (id: string, side: string) => call<{ side: string; hour: number; options: PlayOption[] }>('GET', `/api/games/${encodeURIComponent(id)}/options?side=${side}`),
  odds: (id: string, side: string, level: number) => call<Odds>('GET', `/api/games/${encodeURIComponent(id)}/odds?side=${side}&level=${level}`),
  order: (id: string, side: string, option: string) => call<Game>('POST', `/api/games/${encodeURIComponent(id)}/orders`, { side, option }),
  clearOrders: (id: string) => call<Game>('DELETE', `/api/games/${encodeURIComponent(id)}/orders`),
  advance: (id: string) => call<Game>('POST', `/api/games/${encodeURIComponent(id)}/advance`),
  command: (id: string, side: string, commander: string) => call<Game>('POST', `/api/games/${encodeURIComponent(id)}/commanders`, { side, commander }),
  /** Opens a replay file or a save: the server checks it and runs it again with its orders. */
  openReplay: (text: string) => call<Replay>('POST', '/api/replays', text, true),
  resume: (saveText: string) => call<Game>('POST', '/api/games/resume', saveText, true),
  /** The save file of a game, with the name the server gives it. */
  save: async (id: string): Promise<{ blob: Blob; name: string }> => {
    const headers: Record<string, string> = {};
    const t = token();
    if (t) headers.Authorization = `Bearer ${t}`;
    const response = await fetch(`/api/games/${encodeURIComponent(id)}/save`, { headers });
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError({ status: response.status, ...(text ? JSON.parse(text) : {}) });
    }
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'bosporos.save.json';
    return { blob: await response.blob(), name };
  },
};
