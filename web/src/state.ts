import { api } from './api';
import type { Replay, ScenarioSummary } from './types';

/** What the pages share: the chosen scenario, edited values, seed and the last replay. */
export const app = {
  scenarios: [] as ScenarioSummary[],
  scenario: '',
  seed: 626,
  overrides: {} as Record<string, number>,
  replay: undefined as Replay | undefined,
  replayKey: '',
};

export async function loadScenarios(): Promise<void> {
  if (app.scenarios.length) return;
  app.scenarios = await api.scenarios();
  const preferred = app.scenarios.find((s) => s.id === 'constantinople-626') ?? app.scenarios[0];
  app.scenario = preferred?.id ?? '';
}

/** Runs the chosen scenario (or reuses the last replay when nothing changed). */
export async function ensureReplay(): Promise<Replay> {
  await loadScenarios();
  const key = JSON.stringify([app.scenario, app.seed, app.overrides]);
  if (app.replay && app.replayKey === key) return app.replay;
  app.replay = await api.run(app.scenario, app.seed, app.overrides);
  app.replayKey = key;
  return app.replay;
}
