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

export interface Problem { status: number; title?: string; detail?: string; diagnostics?: Diagnostic[]; hint?: string; field?: string }
export interface Diagnostic { severity: string; code: string; file: string; line: number; column: number; path: string; message: string; hint?: string }

export interface Progress { id: string; state: string; completed: number; total: number; percent: number; error?: string }
export interface OutcomeShare { outcome: string; count: number; share: number; low: number; high: number }
export interface Duration { mean: number; p5: number; median: number; p95: number; min: number; max: number; histogram: { days: number; count: number }[] }
export interface VariantResult { name: string; overrides: Record<string, string>; runs: number; outcomes: OutcomeShare[]; closeSiegeDays: Duration; endDay: Duration; counterfactual?: boolean }
export interface EndDates { variant: string; runs: number; p10Hour: number; medianHour: number; p90Hour: number; p10: string; median: string; p90: string }
export interface BranchInfo { replay: string; replaySeed: number; at: string; atHour: number; atText: string; replayOutcome: string; replayEnd: string; endDates: EndDates[] }
export interface ExperimentResult { id: string; scenario: string; seed: number; runsPerVariant: number; state: string; completed: number; total: number; variants: VariantResult[]; formats: string[]; branch?: BranchInfo }
export interface ExperimentStarted { id: string; total: number; progress: string; results: string; csv: string }

// The Play page (src/Bosporos.Web/Play).
export interface PlaySector {
  sector: number; zone: number; zoneId: string; name: string; seaWall: boolean; defenders: number; outerPermille: number;
  innerPermille: number; enginesBefore: number; lodgement: number; underAssault: boolean; threatened: boolean;
}
export interface PlayWater { zone: number; zoneId: string; name: string; warships: number }
export interface PlayView {
  scenario: string; hour: number; day: number; hourOfDay: number; over: boolean; outcome: string; endCause?: string; reasons: string[];
  sectors: PlaySector[]; water: PlayWater[]; flotillas: { id: string; name: string; side: string; hulls: number }[];
  romanMen: number; romanLost: number; hostMen: number; hostLost: number; cityMoralePermille: number; hostWillingPermille: number;
  khaganProspectsPermille: number; cityFoodDays: number; hostFoodDays: number; persiansAshore: number; enginesBegun: boolean;
  envoysSent: boolean; signalLearned: boolean; wind: string; chronicle: { hour: number; text: string }[];
}
export interface PendingOrder { side: string; kind: string; target?: string; value: number; source: string; text: string }
export interface Game {
  id: string; scenario: string; name: string; seed: number; aiLevel: number; human?: string;
  commanders: Record<string, string>; date: string; view: PlayView; pending: PendingOrder[]; lastAi: Record<string, string>;
  map: Replay; message?: string;
}
export interface PlayOption { id: string; group: string; label: string; target?: string }
export interface OptionOdds extends PlayOption {
  taken: number; takenLow: number; takenHigh: number; lifted: number; liftedLow: number; liftedHigh: number;
  ownLossMean: number; ownLossSd: number; enemyLossMean: number; enemyLossSd: number; gain: number; gainError: number; aiChoice: boolean;
}
export interface Odds { side: string; hour: number; level: number; samples: number; horizonDays: number; options: OptionOdds[] }
