import { describe, expect, it } from 'vitest';
import { explainEvent } from '../events';
import type { EnginePark, SiegeEvent } from '../types';
import { engineParkName, eventPlace, eventSentence, inSentence } from './eventText';

const engines: EnginePark[] = [
  { id: 'avar-stone-throwers', side: 'avar', kind: 'stone-thrower', count: 50, sector: 2 },
  { id: 'avar-towers', side: 'avar', kind: 'siege-tower', count: 12, sector: 2 },
  { id: 'roman-engines', side: 'roman', kind: 'stone-thrower', count: 30, sector: 2 },
];
const names = { engines };

function ev(kind: string, text: string, extra: Partial<SiegeEvent> = {}): SiegeEvent {
  return { index: 0, hour: 0, date: '29 June 626, 00:00', kind, zone: 7, values: {}, odds: -1, roll: -1, text, major: false, ...extra };
}

describe('names inside sentences', () => {
  it('lower-cases a leading article or common word and adds an article where English wants one', () => {
    expect(inSentence("The khagan's camp before the land walls")).toBe("the khagan's camp before the land walls");
    expect(inSentence('Monoxyla in the Golden Horn')).toBe('the monoxyla in the Golden Horn');
    expect(inSentence('Roman biremes and triremes')).toBe('the Roman biremes and triremes');
    expect(inSentence('Upper Golden Horn (off Blachernae)')).toBe('the upper Golden Horn (off Blachernae)');
    expect(inSentence('Golden Gate sector (Marble Tower to the Gate of the Spring)')).toBe('the Golden Gate sector (Marble Tower to the Gate of the Spring)');
    expect(inSentence('Constantinople')).toBe('Constantinople');
    expect(inSentence("Shahrbaraz's army at Chalcedon")).toBe("Shahrbaraz's army at Chalcedon");
  });
});

describe('articles', () => {
  it('never doubles the article a place name takes', () => {
    const e = ev('boats-sunk', 'Monoxyla on the Bosporus was caught in the Bosporus off Chelae: 66 boats lost.', { zoneName: 'Bosporus off Chelae', actor: 'Monoxyla on the Bosporus' });
    expect(eventSentence(names, e)).toBe('The monoxyla on the Bosporus was caught in the Bosporus off Chelae: 66 boats lost.');
  });
});

describe('engine parks on the map', () => {
  it('are named by what they are, never by id', () => {
    expect(engineParkName(engines[1])).toBe("the khagan's siege towers");
    expect(engineParkName(engines[2])).toBe('the Roman stone-throwers');
  });
});

describe('event sentences', () => {
  it('rewords arrivals: no capital inside the sentence, a capital at its start', () => {
    const e = ev('contingent-arrived', "Slav foot of the vanguard arrive at The khagan's camp before the land walls: 10,000 men.", {
      actor: 'Slav foot of the vanguard', zoneName: "The khagan's camp before the land walls", values: { men: 10000 },
    });
    expect(eventSentence(names, e)).toBe("The Slav foot of the vanguard arrive at the khagan's camp before the land walls: 10,000 men.");
  });

  it('closes a subject whose name holds a comma', () => {
    const e = ev('contingent-arrived', 'Cavalry sent by Heraclius, fighting on foot arrive at Constantinople: 12,000 men.', {
      actor: 'Cavalry sent by Heraclius, fighting on foot', zoneName: 'Constantinople', zone: 6,
    });
    expect(eventSentence(names, e)).toBe('The cavalry sent by Heraclius, fighting on foot, arrive at Constantinople: 12,000 men.');
  });

  it('keeps the names the server gives engine parks', () => {
    const burned = eventSentence(names, ev('tower-burned', "A siege tower of the khagan's siege towers was burned before Mesoteichion, 7 left.", { actor: "the khagan's siege towers", values: { remaining: 7 } }));
    expect(burned).toBe("A siege tower of the khagan's siege towers was burned before Mesoteichion, 7 left.");
    expect(burned).not.toMatch(/avar-/);
  });

  it('rewords every name in a naval action', () => {
    const e = ev('boats-sunk', 'Roman ships fall on Monoxyla in the Golden Horn at Upper Golden Horn (off Blachernae): 64 boats lost, 576 men killed, 64 taken.', {
      actor: 'Monoxyla in the Golden Horn', zoneName: 'Upper Golden Horn (off Blachernae)', zone: 11,
    });
    expect(eventSentence(names, e)).toBe('Roman ships fall on the monoxyla in the Golden Horn at the upper Golden Horn (off Blachernae): 64 boats lost, 576 men killed, 64 taken.');
  });

  it('leaves sentences without names alone', () => {
    expect(eventSentence(names, ev('siege-lifted', 'The siege is lifted.', { zone: -1 }))).toBe('The siege is lifted.');
  });
});

describe('where events happened', () => {
  const cut = ev('aqueduct-cut', 'The besiegers cut the aqueduct.', { zone: 15, zoneName: 'Sea of Marmara off the city (the sea lane)', hour: 82 });

  it('puts the aqueduct on land, not on the sea lane the event carries', () => {
    expect(eventPlace(cut)).toEqual({ name: 'The aqueduct, cut outside the land walls', feature: 'aqueduct' });
    const why = explainEvent(cut, names);
    expect(why.rows).toContainEqual(['where', 'The aqueduct, cut outside the land walls']);
    expect(JSON.stringify(why)).not.toContain('sea lane');
  });

  it('has no place for events without a zone, and names engines in the explanation', () => {
    expect(eventPlace(ev('procession-held', 'A procession.', { zone: -1 }))).toBeUndefined();
    const why = explainEvent(ev('tower-burned', "A siege tower of the khagan's siege towers was burned before Mesoteichion, 7 left.", { actor: "the khagan's siege towers", zoneName: 'Mesoteichion', zone: 2, values: { remaining: 7 } }), names);
    expect(why.rows).toContainEqual(['who', "the khagan's siege towers"]);
    expect(why.title).toBe("A siege tower of the khagan's siege towers was burned before Mesoteichion, 7 left.");
  });
});
