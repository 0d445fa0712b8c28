/**
 * Column catalogues of the overviews, grouped by section as in KITOS's column chooser, plus the
 * derived columns KITOS lacks (reasons for inactivity, next notice deadline, tender start).
 *
 * @module
 */
import type { OverviewColumn, OverviewKind } from './query.js';

type Def = [
  id: string,
  type: OverviewColumn['type'],
  group: string,
  da: string,
  en: string,
  visible?: boolean,
  extra?: Partial<OverviewColumn>,
];

const build = (defs: Def[]): readonly OverviewColumn[] =>
  defs.map(([id, type, group, da, en, visible = false, extra = {}]) => ({
    id,
    type,
    group,
    label: { da, en },
    defaultVisible: visible,
    ...extra,
  }));

const VALIDITY_REASONS = [
  'StartDateNotPassed',
  'EndDatePassed',
  'NotOperationalAccordingToLifeCycle',
  'MainContractNotActive',
];
const LIFECYCLE = ['Undecided', 'NotInUse', 'PhasingIn', 'Operational', 'PhasingOut'];

/** Columns of the IT-system usage overview ("IT-systemer i organisationen"). */
export const USAGE_COLUMNS = build([
  ['active', 'boolean', 'status', 'Status', 'Status', true],
  ['inactiveReasons', 'enum', 'status', 'Årsag til ikke aktiv', 'Why not active', true, { values: VALIDITY_REASONS }],
  ['validAccordingToValidityPeriod', 'boolean', 'status', 'Status (Datofelter)', 'Status (dates)'],
  ['validAccordingToLifeCycle', 'boolean', 'status', 'Status (Livscyklus)', 'Status (life cycle)'],
  ['validAccordingToMainContract', 'boolean', 'status', 'Status (Markeret kontrakt)', 'Status (main contract)'],
  ['systemName', 'text', 'system', 'IT System', 'IT system', true],
  ['localCallName', 'text', 'system', 'Lokal kaldenavn', 'Local name'],
  ['localSystemId', 'text', 'system', 'Lokal System ID', 'Local system id'],
  ['systemVersion', 'text', 'system', 'Version', 'Version'],
  ['parentSystemName', 'text', 'system', 'Overordnet IT System', 'Parent system'],
  ['previousName', 'text', 'system', 'Tidligere systemnavn', 'Former name'],
  ['businessType', 'text', 'system', 'Forretningstype', 'Business type', true],
  ['rightsHolder', 'text', 'system', 'Rettighedshaver', 'Rights holder', true],
  ['supplier', 'text', 'system', 'Leverandør', 'Supplier', true],
  ['systemDeactivated', 'boolean', 'system', 'Systemet er deaktiveret', 'System deactivated'],
  ['validFrom', 'date', 'system', 'Ibrugtagningsdato', 'In use from', true],
  ['validTo', 'date', 'system', 'Slutdato for anvendelse', 'In use until', true],
  ['lifeCycleStatus', 'enum', 'system', 'Livscyklus', 'Life cycle', true, { values: LIFECYCLE }],
  [
    'hostedAt',
    'enum',
    'system',
    'IT systemet driftes',
    'Hosted',
    false,
    { values: ['Undecided', 'OnPremise', 'External', 'Hybrid'] },
  ],
  ['notes', 'text', 'system', 'Noter', 'Notes'],
  ['dataClassification', 'text', 'system', 'Klassifikation af data', 'Data classification'],
  [
    'responsibleUnit',
    'unit',
    'organisation',
    'Ansv. organisationsenhed',
    'Responsible unit',
    true,
    { unitUuidColumn: 'responsibleUnitUuid' },
  ],
  ['responsibleUnitUuid', 'text', 'organisation', 'Ansv. organisationsenhed (UUID)', 'Responsible unit (UUID)'],
  ['usingUnits', 'list', 'organisation', 'Relevante organisationsenheder', 'Relevant units'],
  ['kle', 'list', 'kle', 'KLE', 'KLE'],
  ['dataSensitivity', 'list', 'gdpr', 'Datatype', 'Data sensitivity'],
  ['purpose', 'text', 'gdpr', 'Behandlingsformål', 'Purpose'],
  ['riskAssessmentDate', 'date', 'gdpr', 'Dato for seneste risikovurdering', 'Last risk assessment'],
  ['plannedRiskAssessmentDate', 'date', 'gdpr', 'Dato for planlagt risikovurdering', 'Planned risk assessment'],
  ['dpiaConducted', 'text', 'gdpr', 'DPIA gennemført', 'DPIA conducted'],
  ['businessCritical', 'text', 'gdpr', 'Forretningskritisk', 'Business critical'],
  ['archiveDuty', 'text', 'archiving', 'Arkiveringspligt', 'Archive duty'],
  ['dataProcessingAgreementConcluded', 'boolean', 'dataProcessing', 'Databehandleraftale er indgået', 'DPA concluded'],
  ['dataProcessingRegistrations', 'list', 'dataProcessing', 'Databehandling', 'Data processing'],
  ['outgoingRelationCount', 'number', 'relations', 'Anvendte systemer (antal)', 'Systems used (count)'],
  ['incomingRelationCount', 'number', 'relations', 'Systemer der anvender systemet (antal)', 'Used by systems (count)'],
  ['mainContract', 'text', 'contracts', 'Markeret kontrakt', 'Main contract', true],
  ['mainContractActive', 'boolean', 'contracts', 'Markeret kontrakt aktiv', 'Main contract active'],
  ['contracts', 'list', 'contracts', 'IT Kontrakter', 'Contracts'],
  [
    'nextNoticeDeadline',
    'date',
    'contracts',
    'Seneste opsigelsesdag (markeret kontrakt)',
    'Latest notice day (main contract)',
    true,
  ],
  ['roleHolders', 'list', 'roles', 'Roller', 'Roles'],
  ['lastChanged', 'date', 'audit', 'Sidst redigeret: Dato', 'Last changed'],
]);

/** Columns of the contract overview ("IT Kontrakter"), with the deadline engine's columns. */
export const CONTRACT_COLUMNS = build([
  ['active', 'boolean', 'core', 'Status', 'Status', true],
  [
    'inactiveReasons',
    'enum',
    'core',
    'Årsag til ikke aktiv',
    'Why not active',
    true,
    {
      values: ['StartDateNotPassed', 'EndDatePassed', 'TerminationPeriodExceeded', 'InvalidParentContract'],
    },
  ],
  ['contractId', 'text', 'core', 'Kontrakt ID', 'Contract id'],
  ['name', 'text', 'core', 'IT Kontrakt', 'Contract', true],
  ['parentContract', 'text', 'core', 'Overordnet kontrakt', 'Parent contract'],
  ['validFrom', 'date', 'core', 'Gyldig fra', 'Valid from', true],
  ['validTo', 'date', 'core', 'Gyldig til', 'Valid to', true],
  [
    'responsibleUnit',
    'unit',
    'core',
    'Ansvarlig org. enhed',
    'Responsible unit',
    true,
    { unitUuidColumn: 'responsibleUnitUuid' },
  ],
  ['responsibleUnitUuid', 'text', 'core', 'Ansvarlig org. enhed (UUID)', 'Responsible unit (UUID)'],
  ['supplier', 'text', 'core', 'Leverandør', 'Supplier', true],
  ['contractType', 'text', 'core', 'Kontrakttype', 'Contract type'],
  ['purchaseType', 'text', 'core', 'Indkøbsform', 'Purchase type'],
  ['procurementPlan', 'text', 'core', 'Genanskaffelsesplan', 'Procurement plan'],
  ['systemUsages', 'list', 'links', 'IT Systemer', 'IT systems', true],
  ['dataProcessingRegistrations', 'list', 'links', 'Databehandling', 'Data processing'],
  ['acquisition', 'amount', 'economy', 'Anskaffelse', 'Acquisition'],
  ['operation', 'amount', 'economy', 'Drift/år', 'Operation/year', true],
  ['other', 'amount', 'economy', 'Andet', 'Other'],
  ['duration', 'text', 'deadlines', 'Varighed', 'Duration'],
  ['noticePeriodMonths', 'number', 'deadlines', 'Opsigelse (måneder)', 'Notice (months)'],
  ['irrevocableUntil', 'date', 'deadlines', 'Uopsigelig til', 'Irrevocable until'],
  ['terminatedAt', 'date', 'deadlines', 'Opsagt', 'Terminated'],
  ['expiry', 'date', 'deadlines', 'Udløber', 'Expires', true],
  ['latestNoticeDay', 'date', 'deadlines', 'Seneste opsigelsesdag', 'Latest notice day', true],
  ['earliestEnd', 'date', 'deadlines', 'Tidligst mulige ophør', 'Earliest possible end'],
  ['tenderStart', 'date', 'deadlines', 'Start på udbud', 'Tender start', true],
  ['nextDeadline', 'date', 'deadlines', 'Næste frist', 'Next deadline', true],
  ['nextDeadlineKind', 'text', 'deadlines', 'Næste frist (type)', 'Next deadline (kind)'],
  ['roleHolders', 'list', 'roles', 'Roller', 'Roles'],
  ['lastChanged', 'date', 'audit', 'Sidst redigeret: Dato', 'Last changed'],
]);

/** Columns of the data processing registration overview. */
export const DATA_PROCESSING_COLUMNS = build([
  ['active', 'boolean', 'core', 'Status', 'Status', true],
  ['name', 'text', 'core', 'Databehandling', 'Registration', true],
  ['agreementConcluded', 'text', 'core', 'Databehandleraftale indgået', 'Agreement concluded', true],
  ['agreementConcludedAt', 'date', 'core', 'Dato for indgåelse', 'Concluded on'],
  ['dataProcessors', 'list', 'core', 'Databehandlere', 'Data processors', true],
  ['subDataProcessors', 'list', 'core', 'Underdatabehandlere', 'Sub-processors'],
  [
    'transferToInsecureThirdCountries',
    'text',
    'core',
    'Overførsel til usikkert 3. land',
    'Transfer to insecure countries',
  ],
  ['systemUsages', 'list', 'links', 'IT Systemer', 'IT systems', true],
  ['mainContract', 'text', 'links', 'Markeret kontrakt', 'Main contract'],
  [
    'responsibleUnit',
    'unit',
    'core',
    'Ansvarlig org. enhed',
    'Responsible unit',
    true,
    { unitUuidColumn: 'responsibleUnitUuid' },
  ],
  ['responsibleUnitUuid', 'text', 'core', 'Ansvarlig org. enhed (UUID)', 'Responsible unit (UUID)'],
  ['latestOversightDate', 'date', 'oversight', 'Seneste tilsyn', 'Latest oversight', true],
  ['scheduledInspectionDate', 'date', 'oversight', 'Kommende planlagt tilsyn', 'Scheduled inspection'],
  ['lastChanged', 'date', 'audit', 'Sidst redigeret: Dato', 'Last changed'],
]);

/** Columns of the project overview. */
export const PROJECT_COLUMNS = build([
  ['name', 'text', 'core', 'Projekt', 'Project', true],
  ['status', 'enum', 'core', 'Status', 'Status', true, { values: ['White', 'Red', 'Yellow', 'Green'] }],
  ['phase', 'text', 'core', 'Fase', 'Phase', true],
  [
    'responsibleUnit',
    'unit',
    'core',
    'Ansvarlig org. enhed',
    'Responsible unit',
    true,
    { unitUuidColumn: 'responsibleUnitUuid' },
  ],
  ['responsibleUnitUuid', 'text', 'core', 'Ansvarlig org. enhed (UUID)', 'Responsible unit (UUID)'],
  ['joint', 'boolean', 'core', 'Fælleskommunalt', 'Joint project'],
  ['budget', 'amount', 'economy', 'Budget', 'Budget', true],
  ['actual', 'amount', 'economy', 'Forbrug', 'Actual', true],
  ['nextMilestone', 'date', 'core', 'Næste milepæl', 'Next milestone', true],
  ['lastChanged', 'date', 'audit', 'Sidst redigeret: Dato', 'Last changed'],
]);

/** Columns of the catalogue overview ("IT Systemkatalog"). */
export const CATALOGUE_COLUMNS = build([
  ['name', 'text', 'core', 'IT System', 'IT system', true],
  ['previousName', 'text', 'core', 'Tidligere systemnavn', 'Former name'],
  ['parentSystemName', 'text', 'core', 'Overordnet IT System', 'Parent system'],
  ['rightsHolder', 'text', 'core', 'Rettighedshaver', 'Rights holder', true],
  ['businessType', 'text', 'core', 'Forretningstype', 'Business type', true],
  ['scope', 'enum', 'core', 'Synlighed', 'Scope', false, { values: ['Local', 'Public'] }],
  ['deactivated', 'boolean', 'core', 'Deaktiveret', 'Deactivated'],
  ['usedHere', 'boolean', 'core', 'Anvendes i organisationen', 'Used in this organisation', true],
  ['usingOrganizationCount', 'number', 'core', 'Antal anvendere', 'Number of users', true],
  ['kle', 'list', 'core', 'KLE', 'KLE'],
  ['lastChanged', 'date', 'audit', 'Sidst redigeret: Dato', 'Last changed'],
]);

/** The column catalogue of each overview. */
export const OVERVIEW_COLUMNS: Readonly<Record<OverviewKind, readonly OverviewColumn[]>> = {
  usages: USAGE_COLUMNS,
  contracts: CONTRACT_COLUMNS,
  dataProcessing: DATA_PROCESSING_COLUMNS,
  projects: PROJECT_COLUMNS,
  catalogue: CATALOGUE_COLUMNS,
};
