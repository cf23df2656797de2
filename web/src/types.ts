// Shapes of the Bosporos web API's answers (see src/Bosporos.Web).

export interface ScenarioSummary { id: string; name: string }

export interface CitedNumber {
  path: string; key: string; value: number; source?: string; reliability: string;
  low?: number; high?: number; note?: string; line: number;
}

export interface NumberGroup { id: string; title: string; side?: string; numbers: CitedNumber[] }

export interface ScenarioDetail { id: string; name: string; file: string; scenarioHash: string; groups: NumberGroup[] }

export interface Zone { id: string; name: string; kind: string; lat: number; lon: number }
export interface Sector { zone: string; name: string; lengthMetres: number; towers: number; outerWall: boolean; innerWall: boolean; sea: boolean }
export interface Contingent { id: string; name: string; side: string; people: string; troop: string; role: string; strength: number; zone: number; arrivalDay: number }
export interface Flotilla { id: string; name: string; side: string; craft: string; hulls: number; station: number; arrivalDay: number }
export interface EnginePark { id: string; side: string; kind: string; count: number; sector: number }
export interface Layout { contingents: number; sectors: number; flotillas: number; engines: number; zones?: number }

export interface SiegeEvent {
  index: number; hour: number; date: string; kind: string; zone: number; zoneName?: string;
  actor?: string; other?: string; values: Record<string, number>; odds: number; roll: number; text: string; major: boolean;
}

export interface Summary {
  outcome: string; cause: string; endHour: number; endDate: string; closeSiegeDays: number; persiansFerried: number;
  assaultAttackerLosses: number; assaultDefenderLosses: number; canoesLaunched: number; canoesLost: number;
  enginesLost: number; towersBurned: number; romanLosses: number; hostLosses: number; persianLosses: number;
  minWallIntegrityPermille: number; envoysCaught: boolean; signalLearned: boolean; stateHash: string;
}

export interface Replay {
  scenario: string; name: string; scenarioHash: string; seed: number;
  calendar: { startYear: number; startMonth: number; startDay: number; horizonDays: number };
  hours: number; zones: Zone[]; sectors: Sector[]; contingents: Contingent[]; flotillas: Flotilla[]; engines: EnginePark[];
  diplomacy: { envoyRoute: number[]; signalZone: number; landingZone: number; persianContingent: number };
  layout: Layout; frames: number[][]; positions?: number[][]; events: SiegeEvent[]; chronicle: string[]; summary: Summary; warnings: string[];
}

export interface Problem { status: number; title?: string; detail?: string; diagnostics?: Diagnostic[] }
export interface Diagnostic { severity: string; code: string; file: string; line: number; column: number; path: string; message: string; hint?: string }

export interface Progress { id: string; state: string; completed: number; total: number; percent: number; error?: string }
export interface OutcomeShare { outcome: string; count: number; share: number; low: number; high: number }
export interface Duration { mean: number; p5: number; median: number; p95: number; min: number; max: number; histogram: { days: number; count: number }[] }
export interface VariantResult { name: string; overrides: Record<string, string>; runs: number; outcomes: OutcomeShare[]; closeSiegeDays: Duration; endDay: Duration; counterfactual?: boolean }
export interface EndDates { variant: string; runs: number; p10Hour: number; medianHour: number; p90Hour: number; p10: string; median: string; p90: string }
export interface BranchInfo { replay: string; replaySeed: number; at: string; atHour: number; atText: string; replayOutcome: string; replayEnd: string; endDates: EndDates[] }
export interface ExperimentResult { id: string; scenario: string; seed: number; runsPerVariant: number; state: string; completed: number; total: number; variants: VariantResult[]; formats: string[]; branch?: BranchInfo }
export interface ExperimentStarted { id: string; total: number; progress: string; results: string; csv: string }
