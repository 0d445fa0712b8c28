/**
 * An **illustrative** KLE subset for the sample data: five main groups with two groups and one
 * topic each. KLE (KL's Emnesystematik) is licensed by KL and loaded from its feed; this library
 * never ships a copy. The keys follow KLE's shape and the main groups are public knowledge, but the
 * wording of the groups and topics is simplified and may differ from the official KLE: do not use
 * this list as KLE.
 *
 * @module
 */
import type { KleTask } from '@os2kitos/core';
import { createRandom } from './random.js';

/** `[taskKey, description]` of the illustrative subset (not official KLE wording). */
export const ILLUSTRATIVE_KLE: readonly (readonly [taskKey: string, description: string])[] = [
  ['00', 'Kommunens styrelse'],
  ['00.01', 'Kommunens styrelse i almindelighed'],
  ['00.01.00', 'Kommunens styrelse i almindelighed'],
  ['00.03', 'Økonomi, budget og regnskab (illustrativ)'],
  ['00.03.00', 'Regnskab og betalinger (illustrativ)'],
  ['01', 'Fysisk planlægning og naturbeskyttelse'],
  ['01.02', 'Lokalplaner (illustrativ)'],
  ['01.02.00', 'Lokalplaner i almindelighed (illustrativ)'],
  ['01.05', 'Kort og geodata (illustrativ)'],
  ['01.05.00', 'Kortværk og luftfotos (illustrativ)'],
  ['17', 'Undervisning og uddannelse'],
  ['17.02', 'Folkeskolen (illustrativ)'],
  ['17.02.00', 'Folkeskolen i almindelighed (illustrativ)'],
  ['17.04', 'Dagtilbud til børn (illustrativ)'],
  ['17.04.00', 'Pladsanvisning (illustrativ)'],
  ['27', 'Social service'],
  ['27.24', 'Praktisk hjælp og personlig pleje (illustrativ)'],
  ['27.24.00', 'Hjemmehjælp i almindelighed (illustrativ)'],
  ['27.36', 'Botilbud (illustrativ)'],
  ['27.36.00', 'Botilbud i almindelighed (illustrativ)'],
  ['81', 'Personale'],
  ['81.01', 'Personaleforhold i almindelighed (illustrativ)'],
  ['81.01.00', 'Ansættelse (illustrativ)'],
  ['81.04', 'Løn (illustrativ)'],
  ['81.04.00', 'Lønudbetaling (illustrativ)'],
];

/** The stable uuid of an illustrative KLE task (independent of the generator seed). */
export function illustrativeKleUuid(taskKey: string): string {
  return createRandom(`os2kitos/bench/kle/${taskKey}`).uuid();
}

function typeOf(taskKey: string): KleTask['type'] {
  const level = taskKey.split('.').length;
  return level === 1 ? 'KLE-Hovedgruppe' : level === 2 ? 'KLE-Gruppe' : 'KLE-Emne';
}

/**
 * The illustrative subset as KLE tasks (parents before children, uuids stable across seeds).
 *
 * @example
 * ```ts
 * illustrativeKleTasks().find((t) => t.taskKey === '17')?.description; // 'Undervisning og uddannelse'
 * ```
 */
export function illustrativeKleTasks(): KleTask[] {
  return ILLUSTRATIVE_KLE.map(([taskKey, description]) => {
    const parentKey = taskKey.includes('.') ? taskKey.slice(0, taskKey.lastIndexOf('.')) : null;
    return {
      uuid: illustrativeKleUuid(taskKey),
      taskKey,
      description,
      type: typeOf(taskKey),
      parentUuid: parentKey === null ? null : illustrativeKleUuid(parentKey),
      activeFrom: null,
      activeTo: null,
    };
  });
}
