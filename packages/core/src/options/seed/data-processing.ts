/**
 * KITOS's seeded options for data processing registrations. The roles come from KITOS's main
 * seed; the other lists from the script that introduced data processing registrations (these are
 * obligatory, and KITOS numbers their priorities 0, 1, 2, … in the listed order).
 *
 * @module
 */
import { type SeedOption, roleSeed, scriptSeed } from './seed-option.js';

/** Registration roles: both obligatory; only the "Skriverolle" grants write access. */
export const DATA_PROCESSING_ROLE_SEED: readonly SeedOption[] = [
  roleSeed('Standard Skriverolle', 1, { write: true, obligatory: true }),
  roleSeed('Standard Læserolle', 2, { write: false, obligatory: true }),
];

/** Who is data responsible (`DataProcessingDataResponsibleOption`), with KITOS's help texts. */
export const DATA_RESPONSIBLE_SEED: readonly SeedOption[] = scriptSeed([
  [
    'Leverandøren er databehandler',
    '(Det er vurderet at leverandøren behandler persondata på instruks fra kommunen og der skal indgås en databehandleraftale)',
  ],
  ['Leverandøren behandler ikke personoplysninger', '(Og derfor skal der ikke indgås en databehandleraftale)'],
  ['Leverandøren er selvstændig dataansvarlig', '(Deres anvendelse af data er ikke noget vi har indflydelse på)'],
  ['Fællesdataansvar', '(Der skal typisk indgås en anden type aftale – fortrolighedserklæring eller…)'],
  ['Kommunen er selv dataansvarlig'],
]);

/** Legal basis for transfers to third countries (`DataProcessingBasisForTransferOption`). */
export const BASIS_FOR_TRANSFER_SEED: readonly SeedOption[] = scriptSeed([
  ['EU og EØS'],
  ["EU's standard kontrakt /standard contract clauses"],
  ['Binding corporate rules / BCR'],
  ['Intet'],
  ['Andet'],
]);

/** Kinds of oversight with the processor (`DataProcessingOversightOption`). */
export const OVERSIGHT_SEED: readonly SeedOption[] = scriptSeed([
  ['Egen kontrol'],
  ['Ledelseserklæring'],
  ['ISAE 3000'],
  ['ISAE 3402 type 1'],
  ['ISAE 3402 type 2'],
  ['Skriftlig kontrol'],
  ['Fysisk tilsyn'],
]);
