import { api } from './api';
import { fileOverrides } from './replay/replayFile';
import type { Replay, ScenarioSummary } from './types';

/** What the pages share: the chosen scenario, edited values, seed and the last replay. */
export const app = {
  scenarios: [] as ScenarioSummary[],
  scenario: '',
  seed: 626,
  overrides: {} as Record<string, number>,
  replay: undefined as Replay | undefined,
  replayKey: '',
  /** The name of the replay file the last replay was opened from, if it was. */
  replayFile: '',
  /** Where the last replay came from when it was not run here nor opened from a file (the siege inside a war run). */
  replayNote: '',
};

const keyOf = () => JSON.stringify([app.scenario, app.seed, app.overrides]);

export async function loadScenarios(): Promise<void> {
  if (app.scenarios.length) return;
  app.scenarios = await api.scenarios();
  const preferred = app.scenarios.find((s) => s.id === 'constantinople-626') ?? app.scenarios[0];
  app.scenario = preferred?.id ?? '';
}

/** Runs the chosen scenario (or reuses the last replay when nothing changed). */
export async function ensureReplay(): Promise<Replay> {
  await loadScenarios();
  const key = keyOf();
  if (app.replay && app.replayKey === key) return app.replay;
  app.replay = await api.run(app.scenario, app.seed, app.overrides);
  app.replayKey = key;
  app.replayFile = '';
  app.replayNote = '';
  return app.replay;
}

/**
 * Opens a replay file (a saved game or a recorded run) as the current replay: its scenario, seed and overrides
 * become the chosen ones, so changing any of them runs the scenario again without the file's orders.
 */
export async function openReplayFile(name: string, text: string): Promise<Replay> {
  await loadScenarios();
  const replay = await api.openReplay(text);
  app.scenario = replay.scenario;
  app.seed = replay.seed;
  app.overrides = fileOverrides(text);
  app.replay = replay;
  app.replayKey = keyOf();
  app.replayFile = name;
  app.replayNote = '';
  return replay;
}

/**
 * Shows a siege run that was not computed from the chosen scenario (the siege inside a war run, with the forces the
 * campaign gave it) as the current replay, with a note saying where it came from.
 */
export async function showReplay(replay: Replay, note: string): Promise<void> {
  await loadScenarios();
  app.scenario = replay.scenario;
  app.seed = replay.seed;
  app.overrides = {};
  app.replay = replay;
  app.replayKey = keyOf();
  app.replayFile = '';
  app.replayNote = note;
}
