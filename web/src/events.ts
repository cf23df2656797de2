import { eventPlace, eventSentence } from './replay/eventText';
import type { Replay, SiegeEvent } from './types';

/** Colour class of an event kind for the chronicle and markers. */
export function eventTone(kind: string): 'roman' | 'avar' | 'persian' | 'naval' | 'neutral' {
  if (['boats-sunk', 'boats-slipped', 'canoes-launched', 'envoys-intercepted', 'flotilla-arrived'].includes(kind)) return 'naval';
  if (['assault-began', 'wall-seized', 'wall-battered', 'engines-built', 'show-of-force', 'aqueduct-cut', 'city-fell', 'survivors-executed', 'khagan-decided'].includes(kind)) return 'avar';
  if (['persians-ferried', 'envoys-arrived', 'allies-answered'].includes(kind)) return 'persian';
  if (['assault-repulsed', 'lodgement-retaken', 'tower-burned', 'engine-wrecked', 'procession-held', 'wall-repaired', 'signal-lit', 'siege-lifted', 'khagan-withdrew', 'defenders-decided', 'sortie-made', 'thanksgiving'].includes(kind)) return 'roman';
  return 'neutral';
}

/** "62.5 %" from a value out of 10,000. */
export function percentOf10000(value: number): string {
  return `${(value / 100).toFixed(value % 100 === 0 ? 0 : 1)} %`;
}

/** "assaultAttackerLosses" -> "assault attacker losses"; "moralePermille" -> "morale (‰)". */
export function fieldLabel(name: string): string {
  const permille = name.endsWith('Permille');
  const percent = name.endsWith('Percent');
  const base = name.replace(/(Permille|Percent)$/, '').replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return permille ? `${base} (‰)` : percent ? `${base} (%)` : base;
}

export interface EventExplanation {
  title: string;
  when: string;
  rows: [string, string][];
  verdict?: string;
}

/**
 * Why an event happened: its inputs, and for events decided by the dice, the odds against the roll. Names are the
 * replay's display names (engine parks by what they are, not their ids).
 */
export function explainEvent(e: SiegeEvent, names: Pick<Replay, 'engines'> = { engines: [] }): EventExplanation {
  const rows: [string, string][] = [];
  const place = eventPlace(e);
  if (place) rows.push(['where', place.name]);
  const who = e.actor;
  const against = e.other;
  if (who) rows.push(['who', who]);
  if (against) rows.push(['against', against]);
  for (const [k, v] of Object.entries(e.values)) rows.push([fieldLabel(k), v.toLocaleString('en-GB')]);
  let verdict: string | undefined;
  if (e.odds >= 0 && e.roll >= 0) {
    rows.push(['odds', percentOf10000(e.odds)]);
    rows.push(['roll', percentOf10000(e.roll)]);
    verdict = e.roll < e.odds
      ? `The dice fell ${percentOf10000(e.roll)} under odds of ${percentOf10000(e.odds)}: it happened.`
      : `The dice fell ${percentOf10000(e.roll)}, not under odds of ${percentOf10000(e.odds)}.`;
  } else {
    verdict = 'Decided by the rules, not by the dice.';
  }
  return { title: eventSentence(names, e), when: e.date, rows, verdict };
}
