import type { EnginePark, Replay, SiegeEvent } from '../types';

// The server words each event with the scenario's names as written: titles with capitals ("The khagan's camp",
// "Monoxyla in the Golden Horn") and, for engine parks, their ids ("avar-towers"). The page rewords them so that
// they read as sentences.

/** Leading words that are common nouns or adjectives: lower-cased and given an article inside a sentence. */
const COMMON_LEADING = new Set(['monoxyla', 'cavalry', 'palace', 'sailors', 'armed', 'armoured', 'upper', 'lower', 'southern', 'northern', 'portico']);
/** Leading proper adjectives and names that take "the" inside a sentence ("the Roman biremes", "the Bosporus"). */
const TAKES_ARTICLE = new Set(['roman', 'avar', 'slav', 'slavic', 'persian', 'bulgar', 'gepid', 'armenian', 'thracian', 'bosporus', 'golden', 'sea']);

/** A name as it reads inside a sentence: "The khagan's camp" -> "the khagan's camp", "Roman biremes" -> "the Roman biremes". */
export function inSentence(name: string): string {
  const m = name.match(/^(\S+)([\s\S]*)$/);
  if (!m) return name;
  const lower = m[1].toLowerCase();
  if (lower === 'the') return `the${m[2]}`;
  if (COMMON_LEADING.has(lower)) return `the ${lower}${m[2]}`;
  if (TAKES_ARTICLE.has(lower) || /\b(sector|sea wall)\b/.test(name)) return `the ${name}`;
  return name;
}

/** First letter up. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SIDE_OWNER: Record<string, string> = { roman: 'the Roman', avar: "the khagan's", persian: 'the Persian' };
const PLURAL: Record<string, string> = { 'stone-thrower': 'stone-throwers', 'siege-tower': 'siege towers', tortoise: 'tortoises' };

/** An engine park on the map, by what it is: "the khagan's siege towers". */
export function engineParkName(park: Pick<EnginePark, 'side' | 'kind'>): string {
  const what = PLURAL[park.kind] ?? `${park.kind.replaceAll('-', ' ')}s`;
  return `${SIDE_OWNER[park.side] ?? 'the'} ${what}`;
}

type Names = Pick<Replay, 'engines'>;

/** The event's sentence with display names: articles and lower case inside the sentence, a capital at its start. */
// The server names engine parks by their scenario names (the same sentences as the command line's chronicle); the page
// only puts the articles and lower case that English wants on the names it finds inside a sentence.
export function eventSentence(_replay: Names, e: SiegeEvent): string {
  const names = [e.actor, e.other, e.zoneName].filter((n): n is string => !!n).sort((a, b) => b.length - a.length);
  let text = e.text;
  const done = new Set<string>();
  for (const name of names) {
    if (done.has(name)) continue;
    done.add(name);
    text = text.split(name).join(inSentence(name));
  }
  // The sentence may already carry the article the name takes ("caught in the Bosporus off Chelae").
  text = text.replace(/\b([Tt])he the\b/g, '$1he');
  // A subject followed by a comma inside its own name ("Cavalry sent by Heraclius, fighting on foot arrive ...")
  // needs the closing comma too.
  if (e.actor && e.actor.includes(',') && text.startsWith(inSentence(e.actor) + ' ')) {
    text = `${inSentence(e.actor)},${text.slice(inSentence(e.actor).length)}`;
  }
  return capitalise(text);
}

/** Where an event is placed, in words and on the map, when the zone it carries would mislead. */
export interface EventPlace { name: string; feature?: string }

/** The aqueduct is cut outside the land walls, whatever zone the event carries; events without a zone have no place. */
export function eventPlace(e: SiegeEvent): EventPlace | undefined {
  if (e.kind === 'aqueduct-cut') return { name: 'The aqueduct, cut outside the land walls', feature: 'aqueduct' };
  if (e.zone < 0 || !e.zoneName) return undefined;
  return { name: e.zoneName };
}
