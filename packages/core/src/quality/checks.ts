/**
 * The data quality checks by name, with their labels in Danish and English (the overview's gap
 * column, the summary's most common gaps). Kept apart from the rules (`quality.rules.ts`), so the
 * vocabulary — which every widget loads — carries the names and not the rules.
 *
 * @module
 */
import { type EnumValue, kitosEnum } from '../shared/enums.js';
import type { Label } from '../vocabulary/label.js';

/** The checks, by name (codes only order them). */
export const DataQualityCheck = kitosEnum({
  usageResponsibleUnit: 0,
  usageLifeCycle: 1,
  usageValidFrom: 2,
  usageRoles: 3,
  usageDataClassification: 4,
  usagePurpose: 5,
  usageDataSensitivity: 6,
  usageRiskAssessment: 7,
  usageDpia: 8,
  usageRetention: 9,
  usageSecurity: 10,
  usageDataProcessing: 11,
  usageRiskReviewOverdue: 12,
  usageRetentionReviewOverdue: 13,
  usageEndPassed: 14,
  usageMainContractActive: 15,
  usageMainContractMarked: 16,
  usageReferences: 17,
  contractResponsibleUnit: 20,
  contractSupplier: 21,
  contractType: 22,
  contractValidFrom: 23,
  contractNoticePeriod: 24,
  contractRoles: 25,
  contractUsages: 26,
  contractReferences: 27,
  contractNoticePassed: 28,
  contractTenderOverdue: 29,
  dprResponsibleUnit: 40,
  dprUsages: 41,
  dprAgreement: 42,
  dprProcessors: 43,
  dprTransfer: 44,
  dprTransferBasis: 45,
  dprDataResponsible: 46,
  dprOversightInterval: 47,
  dprOversightOverdue: 48,
  dprInspectionPassed: 49,
  dprMainContractActive: 50,
  dprReferences: 51,
});
/** A data quality check. */
export type DataQualityCheck = EnumValue<typeof DataQualityCheck>;

const l = (da: string, en: string): Label => ({ da, en });

/** The name of every check (each rule in `quality.rules.ts` has one entry here). */
export const DATA_QUALITY_CHECK_LABELS: { readonly [C in DataQualityCheck]: Label } = {
  usageResponsibleUnit: l('Ansvarlig organisationsenhed mangler', 'No responsible unit'),
  usageLifeCycle: l('Livscyklus ikke angivet', 'Life cycle not given'),
  usageValidFrom: l('Ibrugtagningsdato mangler', 'No in-use date'),
  usageRoles: l('Ingen roller', 'No roles'),
  usageDataClassification: l('Klassifikation af data mangler', 'No data classification'),
  usagePurpose: l('Behandlingsformål mangler', 'No purpose of processing'),
  usageDataSensitivity: l('Datatyper ikke angivet', 'Kinds of data not given'),
  usageRiskAssessment: l('Risikovurdering ikke besvaret', 'Risk assessment not answered'),
  usageDpia: l('DPIA ikke besvaret', 'DPIA not answered'),
  usageRetention: l('Sletning ikke besvaret', 'Retention not answered'),
  usageSecurity: l('Sikkerhedsforanstaltninger ikke besvaret', 'Security measures not answered'),
  usageDataProcessing: l('Ingen databehandling registreret', 'No data processing registered'),
  usageRiskReviewOverdue: l('Planlagt risikovurdering overskredet', 'Planned risk assessment overdue'),
  usageRetentionReviewOverdue: l('Evaluering af sletning overskredet', 'Retention review overdue'),
  usageEndPassed: l('Slutdato passeret, stadig i brug', 'End date passed, still in use'),
  usageMainContractActive: l('Markeret kontrakt ikke aktiv', 'Main contract not active'),
  usageMainContractMarked: l('Ingen markeret kontrakt', 'No main contract marked'),
  usageReferences: l('Ugyldig reference', 'Invalid reference'),
  contractResponsibleUnit: l('Ansvarlig organisationsenhed mangler (kontrakt)', 'No responsible unit (contract)'),
  contractSupplier: l('Leverandør mangler', 'No supplier'),
  contractType: l('Kontrakttype mangler', 'No contract type'),
  contractValidFrom: l('Gyldig fra mangler', 'No valid-from date'),
  contractNoticePeriod: l('Opsigelsesfrist mangler', 'No notice period'),
  contractRoles: l('Ingen roller (kontrakt)', 'No roles (contract)'),
  contractUsages: l('Dækker ingen systemer (kontrakt)', 'Covers no systems (contract)'),
  contractReferences: l('Ugyldig reference (kontrakt)', 'Invalid reference (contract)'),
  contractNoticePassed: l('Opsigelsesfrist passeret uden opsigelse', 'Notice day passed without notice'),
  contractTenderOverdue: l('Genudbud ikke startet', 'Tender not started'),
  dprResponsibleUnit: l(
    'Ansvarlig organisationsenhed mangler (databehandling)',
    'No responsible unit (data processing)',
  ),
  dprUsages: l('Dækker ingen systemer (databehandling)', 'Covers no systems (data processing)'),
  dprAgreement: l('Databehandleraftale ikke besvaret', 'Agreement not answered'),
  dprProcessors: l('Databehandlere mangler', 'No data processors'),
  dprTransfer: l('Overførsel til tredjeland ikke besvaret', 'Third-country transfer not answered'),
  dprTransferBasis: l('Overførsel uden lande eller grundlag', 'Transfer without countries or basis'),
  dprDataResponsible: l('Dataansvarlig mangler', 'No data controller'),
  dprOversightInterval: l('Tilsynsinterval mangler', 'No oversight interval'),
  dprOversightOverdue: l('Tilsyn forfaldent', 'Oversight overdue'),
  dprInspectionPassed: l('Planlagt tilsyn passeret', 'Scheduled inspection passed'),
  dprMainContractActive: l(
    'Markeret kontrakt ikke aktiv (databehandling)',
    'Main contract not active (data processing)',
  ),
  dprReferences: l('Ugyldig reference (databehandling)', 'Invalid reference (data processing)'),
};
