// The war replay as the server sends it (GET /api/wars/{id}/replay; docs/war.md, "The war replay").

export interface WarRegion { id: string; name: string; lat: number; lon: number; capital: boolean; roman602: boolean; holder: string; changes: { day: number; date: string; holder: string }[] }
export interface WarRoute { from: number; to: number; kind: string; days: number; winterDays: number }
export interface WarArmy { id: string; name: string; side: string; commander: string; role: string; strength: number }
/** Per army: null, or [region, next region (-1), progress ‰, men, morale ‰, in the siege (1/0)]. */
export type ArmyFrame = [number, number, number, number, number, number] | null;
export interface WarDay { day: number; date: string; armies: ArmyFrame[]; legitimacyPermille: number; courier: number; hash: string }
export interface WarBattle { day: number; date: string; region: number; romanSide: number[]; persianSide: number[]; romanLead: number; persianLead: number; romanLosses: number; persianLosses: number; broke: string | null; decisive: boolean; text: string }
export interface WarSack { day: number; date: string; region: number; army: number; text: string }
export interface WarSiege { kind: string; region: number; startDay: number; endDay: number; result: string; text: string }
export interface WarMessage { number: number; sentDay: number; route: number[]; fate: string; fateDay: number; fateRegion: number; turned: boolean; text: string }
export interface WarLine { day: number; date: string; event: number; text: string }
export interface WarOutcome {
  result: string; lastDate: string; capital: string; shahrbarazTurned: string | null; khosrowFall: string | null; decisiveBattle: string | null;
  turksAllied: boolean; legitimacyPermille: number; stateHash: string;
  treaty: { date: string; provincesReturned: number; provincesOccupied: number; returned: string[]; frontier: string; prisoners: boolean; trueCross: boolean } | null;
}
export interface WarReplay {
  format: number; kind: string; scenario: string; name: string; scenarioHash: string; seed: string; overrides: { path: string; value: string }[];
  startDate: string; days: number; regions: WarRegion[]; routes: WarRoute[]; armies: WarArmy[]; frames: WarDay[];
  battles: WarBattle[]; sacks: WarSack[]; sieges: WarSiege[]; messages: WarMessage[]; chronicle: WarLine[]; outcome: WarOutcome;
  capitalSiege: { startDay: number; endDay: number; siegeScenario: string; seed: string; outcome: string; stateHash: string } | null;
}
export interface WarSummary { id: string; name: string; kind: string }
