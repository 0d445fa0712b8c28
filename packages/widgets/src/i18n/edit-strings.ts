/**
 * Words of the edit modes and dialogs, in Danish and English. A dictionary of its own, loaded with
 * the editing code only, so read-only embeds do not carry it. Every language defines every key.
 *
 * @module
 */
import type { DeleteConsequences } from '@os2kitos/core';
import type { Lang } from './strings.js';

/** Every string of the usage editor, the delete dialog and the create dialog. */
export interface EditStrings {
  /** Field labels by the field's path in the usage. */
  readonly fields: Readonly<Record<string, string>>;
  readonly groups: {
    readonly general: string;
    readonly organisation: string;
    readonly roles: string;
    readonly gdpr: string;
  };
  readonly role: string;
  readonly user: string;
  readonly addRole: string;
  readonly removeRole: (role: string, user: string) => string;
  readonly noRoles: string;
  readonly roleTaken: string;
  readonly editTitle: (system: string) => string;
  readonly save: string;
  readonly saving: string;
  readonly cancel: string;
  readonly saved: string;
  readonly nothingChanged: string;
  readonly choose: string;
  readonly dateHint: string;
  readonly invalidDate: string;
  readonly gateHint: string;
  readonly gateClears: (fields: string) => string;
  readonly responsibleHint: string;
  readonly noUnits: string;
  /** An option list the organisation has no options in. */
  readonly noOptions: string;
  readonly findUnit: string;
  /** The filter of a long checkbox list. */
  readonly findChoice: string;
  readonly fixErrors: (n: number) => string;
  readonly serverRefused: string;
  readonly forbidden: string;
  readonly saveFailed: string;
  readonly conflictTitle: string;
  readonly conflictText: (fields: string) => string;
  readonly conflictBoth: (fields: string) => string;
  readonly conflictKept: string;
  readonly reload: string;
  readonly reapply: string;
  readonly changedByOthers: string;
  readonly deleteTitle: (system: string) => string;
  readonly deleteIntro: string;
  /** What removing a usage takes with it, one sentence each, from the core's report. */
  readonly deleteConsequences: (c: DeleteConsequences) => readonly string[];
  readonly usageChangedMeanwhile: string;
  readonly deleteIrreversible: string;
  readonly deleteConfirm: string;
  readonly deleting: string;
  readonly deleteFailed: string;
  readonly deleted: (system: string) => string;
  readonly createTitle: string;
  readonly searchSystems: string;
  readonly searchSystemsHint: string;
  readonly systemsFound: (n: number) => string;
  readonly create: string;
  readonly creating: string;
  readonly createFailed: string;
  readonly alreadyInUse: string;
  readonly deactivated: string;
  readonly pickSystem: string;
  readonly created: (system: string) => string;
  /** Contract field labels by the field's path in the contract. */
  readonly contractFields: Readonly<Record<string, string>>;
  readonly contractGroups: {
    readonly general: string;
    readonly supplier: string;
    readonly terms: string;
    readonly economy: string;
    readonly roles: string;
  };
  readonly contractForbidden: string;
  readonly contractDeleteTitle: (name: string) => string;
  readonly contractDeleteIntro: string;
  /** What deleting a contract takes with it, one sentence each, from the core's report. */
  readonly contractDeleteConsequences: (c: DeleteConsequences) => readonly string[];
  readonly contractDeleteConfirm: string;
  readonly contractDeleteFailed: string;
  readonly contractDeleted: (name: string) => string;
  readonly contractChangedMeanwhile: string;
  readonly newContract: string;
  readonly newContractTitle: string;
  readonly contractName: string;
  readonly contractNameHint: string;
  readonly createNamed: string;
  readonly creatingNamed: string;
  readonly createContractFailed: string;
  readonly contractCreated: (name: string) => string;
  /** Registration field labels by the field's path in the registration. */
  readonly registrationFields: Readonly<Record<string, string>>;
  readonly registrationGroups: {
    readonly general: string;
    readonly processors: string;
    readonly oversight: string;
    readonly roles: string;
  };
  readonly registrationForbidden: string;
  readonly registrationDeleteTitle: (name: string) => string;
  readonly registrationDeleteIntro: string;
  /** What deleting a registration takes with it, one sentence each, from the core's report. */
  readonly registrationDeleteConsequences: (c: DeleteConsequences) => readonly string[];
  readonly registrationDeleteConfirm: string;
  readonly registrationDeleteFailed: string;
  readonly registrationDeleted: (name: string) => string;
  readonly registrationChangedMeanwhile: string;
  readonly newRegistrationTitle: string;
  readonly registrationName: string;
  readonly registrationNameHint: string;
  readonly registrationCreated: (name: string) => string;
  readonly createRegistrationFailed: string;
  /** Project field labels by the field's path in the project (`phases.0.startDate`, …). */
  readonly projectFields: Readonly<Record<string, string>>;
  readonly projectGroups: {
    readonly general: string;
    readonly phases: string;
    readonly links: string;
  };
  readonly projectForbidden: string;
  readonly projectDeleteTitle: (name: string) => string;
  readonly projectDeleteIntro: string;
  /** What deleting a project takes with it, one sentence each, from the core's report. */
  readonly projectDeleteConsequences: (c: DeleteConsequences) => readonly string[];
  readonly projectDeleteConfirm: string;
  readonly projectDeleteFailed: string;
  readonly projectDeleted: (name: string) => string;
  readonly projectChangedMeanwhile: string;
  readonly newProjectTitle: string;
  readonly projectName: string;
  readonly projectNameHint: string;
  readonly projectCreated: (name: string) => string;
  readonly createProjectFailed: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The names of the records in a group of the report, when they have names. */
const named = (records: readonly { name: string | null }[]) => {
  const names = records.map((r) => r.name).filter((n): n is string => !!n);
  return names.length ? `: ${names.join(', ')}` : '';
};

/** The records of one `kind:field` group of a delete's report. */
const detachedBy = (c: DeleteConsequences, key: string) =>
  c.detached.filter((d) => `${d.kind}:${d.field}` === key).flatMap((d) => d.records);

/** How many records outside the `known` groups let go of the deleted record. */
const otherDetached = (c: DeleteConsequences, known: readonly string[]) =>
  c.detached.filter((d) => !known.includes(`${d.kind}:${d.field}`)).reduce((n, d) => n + d.records.length, 0);

/** The parts of a usage delete's report the sentences speak of. */
function usageFacts(c: DeleteConsequences) {
  const kinds = {
    contracts: 'itContract:systemUsageUuids',
    registrations: 'dataProcessingRegistration:systemUsageUuids',
    projects: 'project:systemUsageUuids',
    relations: 'itSystemUsage:outgoingSystemRelations.toUsageUuid',
  } as const;
  return {
    l: c.lists,
    contracts: detachedBy(c, kinds.contracts),
    registrations: detachedBy(c, kinds.registrations),
    projects: detachedBy(c, kinds.projects),
    relations: detachedBy(c, kinds.relations),
    other: otherDetached(c, Object.values(kinds)),
  };
}

/** The parts of a registration delete's report the sentences speak of. */
function registrationFacts(c: DeleteConsequences) {
  const contracts = 'itContract:dataProcessingRegistrationUuids';
  return { l: c.lists, contracts: detachedBy(c, contracts), other: otherDetached(c, [contracts]) };
}

/** The parts of a project delete's report the sentences speak of. */
function projectFacts(c: DeleteConsequences) {
  const children = 'project:parentProjectUuid';
  return { children: detachedBy(c, children), other: otherDetached(c, [children]) };
}

/** The labels of the five phases' fields, by the field's path. */
const phaseLabels = (name: (n: number) => string, start: (n: number) => string, end: (n: number) => string) =>
  Object.fromEntries(
    [0, 1, 2, 3, 4].flatMap((i) => [
      [`phases.${i}.name`, `${name(i + 1)}`],
      [`phases.${i}.startDate`, `${start(i + 1)}`],
      [`phases.${i}.endDate`, `${end(i + 1)}`],
    ]),
  );

/** The parts of a contract delete's report the sentences speak of. */
function contractFacts(c: DeleteConsequences) {
  const kinds = {
    usages: 'itSystemUsage:general.mainContractUuid',
    relations: 'itSystemUsage:outgoingSystemRelations.contractUuid',
    registrations: 'dataProcessingRegistration:contractUuids',
    children: 'itContract:parentContractUuid',
    projects: 'project:contractUuids',
  } as const;
  const by = (key: string) => detachedBy(c, key);
  return {
    l: c.lists,
    usages: by(kinds.usages),
    relations: by(kinds.relations),
    registrations: by(kinds.registrations),
    children: by(kinds.children),
    projects: by(kinds.projects),
    // Links added to the core later still count, in general words, until they get words of their own.
    other: otherDetached(c, Object.values(kinds)),
  };
}

const da: EditStrings = {
  fields: {
    'general.localCallName': 'Lokalt kaldenavn',
    'general.localSystemId': 'Lokalt system-ID',
    'general.systemVersion': 'Version',
    'general.dataClassificationUuid': 'Klassifikation af data',
    'general.numberOfExpectedUsers': 'Antal brugere',
    'general.validity.lifeCycleStatus': 'Livscyklus',
    'general.validity.validFrom': 'Ibrugtagningsdato',
    'general.validity.validTo': 'Slutdato for anvendelse',
    'general.notes': 'Noter',
    'organizationUsage.usingUnitUuids': 'Relevante organisationsenheder',
    'organizationUsage.responsibleUnitUuid': 'Ansvarlig organisationsenhed',
    roles: 'Tildelte roller',
    'gdpr.purpose': 'Behandlingsformål',
    'gdpr.businessCritical': 'Forretningskritisk IT-system',
    'gdpr.hostedAt': 'IT-systemet driftes',
    'gdpr.dataSensitivityLevels': 'Hvilke typer data indeholder systemet?',
    'gdpr.technicalPrecautionsInPlace': 'Er der implementeret passende tekniske foranstaltninger?',
    'gdpr.technicalPrecautionsApplied': 'Tekniske foranstaltninger',
    'gdpr.userSupervision': 'Logges brugernes aktivitet?',
    'gdpr.userSupervisionDate': 'Dato for seneste kontrol af logning',
    'gdpr.riskAssessmentConducted': 'Er der foretaget en risikovurdering?',
    'gdpr.riskAssessmentConductedDate': 'Dato for risikovurdering',
    'gdpr.riskAssessmentResult': 'Resultat af risikovurdering',
    'gdpr.riskAssessmentNotes': 'Bemærkninger til risikovurdering',
    'gdpr.dpiaConducted': 'Er der gennemført en konsekvensanalyse (DPIA)?',
    'gdpr.dpiaDate': 'Dato for DPIA',
    'gdpr.retentionPeriodDefined': 'Er der fastsat en slettefrist?',
    'gdpr.nextDataRetentionEvaluationDate': 'Næste evaluering af slettefrist',
    'gdpr.dataRetentionEvaluationFrequencyInMonths': 'Evalueringsfrekvens (måneder)',
    'gdpr.plannedRiskAssessmentDate': 'Planlagt risikovurdering',
  },
  groups: { general: 'Generelt', organisation: 'Organisation', roles: 'Systemroller', gdpr: 'GDPR' },
  role: 'Rolle',
  user: 'Bruger',
  addRole: 'Tilføj rolle',
  removeRole: (r, u) => `Fjern ${r}: ${u}`,
  noRoles: 'Ingen roller er tildelt.',
  roleTaken: 'Brugeren har allerede den rolle.',
  editTitle: (s) => `Redigér ${s}`,
  save: 'Gem',
  saving: 'Gemmer …',
  cancel: 'Annullér',
  saved: 'Ændringerne er gemt.',
  nothingChanged: 'Der er ingen ændringer at gemme.',
  choose: '— Vælg —',
  dateHint: 'dd-mm-åååå',
  invalidDate: 'Skriv datoen som dd-mm-åååå, fx 31-12-2025',
  gateHint: 'Felterne åbnes kun, når svaret er Ja. Andre svar rydder dem, når der gemmes.',
  gateClears: (f) => `Når du gemmer, ryddes: ${f}.`,
  responsibleHint: 'Vælg blandt de relevante enheder ovenfor.',
  noUnits: 'Organisationen har ingen enheder.',
  noOptions: 'Organisationen har ingen valgmuligheder her.',
  findUnit: 'Find enhed',
  findChoice: 'Søg i listen',
  fixErrors: (x) => `${plural(x, 'felt', 'felter')} skal rettes, før der kan gemmes.`,
  serverRefused: 'KITOS afviste ændringen. Se felterne markeret nedenfor.',
  forbidden: 'Du har ikke rettighed til at ændre dette IT-system.',
  saveFailed: 'Ændringen kunne ikke gemmes. Prøv igen.',
  conflictTitle: 'En anden har gemt ændringer i mellemtiden',
  conflictText: (f) => `Ændret af en anden siden du åbnede formularen: ${f}.`,
  conflictBoth: (f) => `I har begge ændret: ${f}.`,
  conflictKept: 'Det, du har skrevet, er bevaret. Indlæs den nye udgave, eller gem dine ændringer oven på den.',
  reload: 'Indlæs den nye udgave (kassér mine ændringer)',
  reapply: 'Gem mine ændringer oven på den nye udgave',
  changedByOthers: 'Ændret af en anden',
  deleteTitle: (s) => `Fjern anvendelsen af ${s}?`,
  deleteIntro: 'Anvendelsen slettes sammen med:',
  deleteConsequences: (c) => {
    const { l, contracts, registrations, projects, relations, other } = usageFacts(c);
    return [
      l.roles && plural(l.roles, 'rolletildeling', 'rolletildelinger'),
      l.usingUnits && `tilknytningen til ${plural(l.usingUnits, 'organisationsenhed', 'organisationsenheder')}`,
      l.externalReferences && plural(l.externalReferences, 'lokal reference', 'lokale referencer'),
      relations.length &&
        `${plural(relations.length, 'andet system mister', 'andre systemer mister')} deres relation til det`,
      contracts.length &&
        `tilknytningen til ${plural(contracts.length, 'kontrakt', 'kontrakter')} (kontrakterne bevares)${named(contracts)}`,
      registrations.length &&
        `tilknytningen til ${plural(registrations.length, 'databehandling', 'databehandlinger')} (registreringerne bevares)${named(registrations)}`,
      projects.length && `tilknytningen til ${plural(projects.length, 'projekt', 'projekter')}${named(projects)}`,
      other && `${plural(other, 'anden registrering', 'andre registreringer')} mister henvisningen til det`,
    ].filter((x): x is string => !!x);
  },
  usageChangedMeanwhile: 'Anvendelsen er ændret i mellemtiden. Konsekvenserne ovenfor er opdateret; bekræft igen.',
  deleteIrreversible: 'Denne handling kan ikke fortrydes.',
  deleteConfirm: 'Fjern anvendelsen',
  deleting: 'Fjerner …',
  deleteFailed: 'Anvendelsen kunne ikke fjernes.',
  deleted: (s) => `Anvendelsen af ${s} er fjernet.`,
  createTitle: 'Tag et IT-system i brug',
  searchSystems: 'Søg i IT-systemkataloget',
  searchSystemsHint: 'Skriv en del af systemets navn.',
  systemsFound: (x) => plural(x, 'system fundet', 'systemer fundet'),
  create: 'Tag i brug',
  creating: 'Tager i brug …',
  createFailed: 'Systemet kunne ikke tages i brug.',
  alreadyInUse: 'Allerede i brug i organisationen',
  deactivated: 'Systemet er deaktiveret i kataloget',
  pickSystem: 'Vælg et system i listen.',
  created: (s) => `${s} er taget i brug.`,
  contractFields: {
    name: 'Kontraktnavn',
    'general.contractId': 'Kontrakt-ID',
    'general.contractTypeUuid': 'Kontrakttype',
    'general.contractTemplateUuid': 'Kontraktskabelon',
    'general.criticalityUuid': 'Kritikalitet',
    'responsible.organizationUnitUuid': 'Ansvarlig organisationsenhed',
    'general.validity.validFrom': 'Gyldig fra',
    'general.validity.validTo': 'Gyldig til',
    'general.validity.enforcedValid': 'Gennemtving gyldighed',
    'general.notes': 'Bemærkninger',
    'supplier.organizationUuid': 'Leverandør',
    'supplier.signed': 'Underskrevet af leverandøren',
    'supplier.signedBy': 'Underskrevet af (leverandør)',
    'supplier.signedAt': 'Underskrevet den (leverandør)',
    'agreementPeriod.isContinuous': 'Løbende (uden fast varighed)',
    'agreementPeriod.durationYears': 'Varighed (år)',
    'agreementPeriod.durationMonths': 'Varighed (måneder)',
    'agreementPeriod.extensionOptionsUuid': 'Option for forlængelse',
    'agreementPeriod.extensionOptionsUsed': 'Antal brugte forlængelser',
    'agreementPeriod.irrevocableUntil': 'Uopsigelig til',
    'termination.terms.noticePeriodMonthsUuid': 'Opsigelsesfrist (måneder)',
    'termination.terms.noticePeriodExtendsCurrent': 'Løbende opsigelse (fra udgangen af)',
    'termination.terms.noticeByEndOf': 'Opsigelse til udgangen af',
    'termination.terminatedAt': 'Kontrakten opsagt den',
    'procurement.purchaseTypeUuid': 'Indkøbsform',
    'procurement.procurementStrategyUuid': 'Genanskaffelsesstrategi',
    'paymentModel.paymentModelUuid': 'Betalingsmodel',
    'paymentModel.paymentFrequencyUuid': 'Betalingsfrekvens',
    'paymentModel.priceRegulationUuid': 'Prisregulering',
    'paymentModel.operationsRemunerationStartedAt': 'Driftsvederlag påbegyndt',
    roles: 'Tildelte roller',
  },
  contractGroups: {
    general: 'Kontraktforhold',
    supplier: 'Leverandør',
    terms: 'Aftaleperiode og opsigelse',
    economy: 'Økonomi',
    roles: 'Kontraktroller',
  },
  contractForbidden: 'Du har ikke rettighed til at ændre denne kontrakt.',
  contractDeleteTitle: (n) => `Slet kontrakten ${n}?`,
  contractDeleteIntro: 'Kontrakten slettes sammen med sine datoer, vilkår og betalinger, og:',
  contractDeleteConsequences: (c) => {
    const { l, usages, relations, registrations, children, projects, other } = contractFacts(c);
    return [
      l.roles && plural(l.roles, 'rolletildeling', 'rolletildelinger'),
      l.externalReferences && plural(l.externalReferences, 'reference', 'referencer'),
      l.agreementElements && plural(l.agreementElements, 'aftaleelement', 'aftaleelementer'),
      l.systemUsages &&
        `tilknytningen til ${plural(l.systemUsages, 'IT-system', 'IT-systemer')} (systemernes anvendelser bevares)`,
      usages.length && `${plural(usages.length, 'IT-system mister', 'IT-systemer mister')} den som hovedkontrakt`,
      relations.length &&
        `${plural(relations.length, 'IT-system har', 'IT-systemer har')} relationer, der ikke længere henviser til den`,
      registrations.length &&
        `${plural(registrations.length, 'databehandling', 'databehandlinger')} mister tilknytningen til den${named(registrations)}`,
      children.length &&
        `${plural(children.length, 'underkontrakt bliver', 'underkontrakter bliver')} selvstændige${named(children)}`,
      projects.length &&
        `${plural(projects.length, 'projekt', 'projekter')} mister tilknytningen til den${named(projects)}`,
      other && `${plural(other, 'anden registrering', 'andre registreringer')} mister henvisningen til den`,
    ].filter((x): x is string => !!x);
  },
  contractDeleteConfirm: 'Slet kontrakten',
  contractDeleteFailed: 'Kontrakten kunne ikke slettes.',
  contractDeleted: (n) => `Kontrakten ${n} er slettet.`,
  contractChangedMeanwhile: 'Kontrakten er ændret i mellemtiden. Konsekvenserne ovenfor er opdateret; bekræft igen.',
  newContract: 'Ny kontrakt',
  newContractTitle: 'Opret kontrakt',
  contractName: 'Kontraktnavn',
  contractNameHint: 'Navnet skal være entydigt i organisationen.',
  createNamed: 'Opret',
  creatingNamed: 'Opretter …',
  createContractFailed: 'Kontrakten kunne ikke oprettes.',
  contractCreated: (n) => `Kontrakten ${n} er oprettet.`,
  registrationFields: {
    name: 'Navn',
    'general.dataResponsibleUuid': 'Dataansvarlig',
    'general.dataResponsibleRemark': 'Bemærkning om dataansvar',
    'general.isAgreementConcluded': 'Databehandleraftale indgået',
    'general.agreementConcludedAt': 'Dato for indgåelse',
    'general.agreementConcludedRemark': 'Bemærkning om aftalen',
    'general.responsibleUnitUuid': 'Ansvarlig organisationsenhed',
    'general.dataProcessorUuids': 'Databehandlere',
    'general.transferToInsecureThirdCountries': 'Overføres data til usikre tredjelande?',
    'general.insecureCountryUuids': 'Usikre tredjelande',
    'general.basisForTransferUuid': 'Overførselsgrundlag',
    'oversight.oversightOptionUuids': 'Tilsynsmuligheder',
    'oversight.oversightOptionsRemark': 'Bemærkning om tilsynsmuligheder',
    'oversight.oversightInterval': 'Tilsynsinterval',
    'oversight.oversightIntervalRemark': 'Bemærkning om tilsynsinterval',
    'oversight.isOversightCompleted': 'Er tilsyn gennemført?',
    'oversight.oversightCompletedRemark': 'Bemærkning om gennemført tilsyn',
    'oversight.scheduledInspectionDate': 'Planlagt tilsyn',
    roles: 'Tildelte roller',
  },
  registrationGroups: { general: 'Generelt', processors: 'Databehandlere', oversight: 'Tilsyn', roles: 'Roller' },
  registrationForbidden: 'Du har ikke rettighed til at ændre denne databehandling.',
  registrationDeleteTitle: (n) => `Slet databehandlingen ${n}?`,
  registrationDeleteIntro: 'Databehandlingen slettes sammen med sine oplysninger om aftale, overførsler og tilsyn, og:',
  registrationDeleteConsequences: (c) => {
    const { l, contracts, other } = registrationFacts(c);
    return [
      l.roles && plural(l.roles, 'rolletildeling', 'rolletildelinger'),
      l.externalReferences && plural(l.externalReferences, 'reference', 'referencer'),
      l.dataProcessors && `${plural(l.dataProcessors, 'databehandler', 'databehandlere')} (organisationerne bevares)`,
      l.subDataProcessors && plural(l.subDataProcessors, 'underdatabehandler', 'underdatabehandlere'),
      l.systemUsages &&
        `tilknytningen til ${plural(l.systemUsages, 'IT-system', 'IT-systemer')} (systemernes anvendelser bevares)`,
      contracts.length &&
        `${plural(contracts.length, 'kontrakt mister', 'kontrakter mister')} tilknytningen til den${named(contracts)}`,
      other && `${plural(other, 'anden registrering', 'andre registreringer')} mister henvisningen til den`,
    ].filter((x): x is string => !!x);
  },
  registrationDeleteConfirm: 'Slet databehandlingen',
  registrationDeleteFailed: 'Databehandlingen kunne ikke slettes.',
  registrationDeleted: (n) => `Databehandlingen ${n} er slettet.`,
  registrationChangedMeanwhile:
    'Databehandlingen er ændret i mellemtiden. Konsekvenserne ovenfor er opdateret; bekræft igen.',
  newRegistrationTitle: 'Opret databehandling',
  registrationName: 'Navn',
  registrationNameHint: 'Navnet skal være entydigt i organisationen.',
  registrationCreated: (n) => `Databehandlingen ${n} er oprettet.`,
  createRegistrationFailed: 'Databehandlingen kunne ikke oprettes.',
  projectFields: {
    name: 'Navn',
    type: 'Projekttype',
    projectId: 'Projekt-ID',
    priority: 'Prioritet',
    isStrategic: 'Strategisk projekt',
    isTransversal: 'Tværgående projekt',
    isArchived: 'Arkiveret',
    description: 'Beskrivelse',
    background: 'Baggrund',
    note: 'Note',
    currentPhase: 'Aktuel fase',
    'status.trafficLight': 'Rapporteret status',
    'status.note': 'Statusnote',
    ...phaseLabels(
      (n) => `Fase ${n}: navn`,
      (n) => `Fase ${n}: startdato`,
      (n) => `Fase ${n}: slutdato`,
    ),
    parentProjectUuid: 'Overordnet projekt',
    responsibleUnitUuid: 'Ansvarlig organisationsenhed',
    usingUnitUuids: 'Anvendende organisationsenheder',
    systemUsageUuids: 'IT-systemer',
    contractUuids: 'IT-kontrakter',
  },
  projectGroups: { general: 'Generelt', phases: 'Faser og status', links: 'Tilknytninger' },
  projectForbidden: 'Du har ikke rettighed til at ændre dette projekt.',
  projectDeleteTitle: (n) => `Slet projektet ${n}?`,
  projectDeleteIntro: 'Projektet slettes sammen med sine faser, status, milepæle, risici, mål og økonomi, og:',
  projectDeleteConsequences: (c) => {
    const { children, other } = projectFacts(c);
    const lines = [
      children.length &&
        `${plural(children.length, 'underprojekt mister', 'underprojekter mister')} sit overordnede projekt${named(children)}`,
      other && `${plural(other, 'anden registrering', 'andre registreringer')} mister henvisningen til det`,
    ].filter((x): x is string => !!x);
    return lines.length ? lines : ['ingen andre registreringer berøres'];
  },
  projectDeleteConfirm: 'Slet projektet',
  projectDeleteFailed: 'Projektet kunne ikke slettes.',
  projectDeleted: (n) => `Projektet ${n} er slettet.`,
  projectChangedMeanwhile: 'Projektet er ændret i mellemtiden. Konsekvenserne ovenfor er opdateret; bekræft igen.',
  newProjectTitle: 'Opret projekt',
  projectName: 'Navn',
  projectNameHint: 'Faser, status og resten angives bagefter på projektets kort.',
  projectCreated: (n) => `Projektet ${n} er oprettet.`,
  createProjectFailed: 'Projektet kunne ikke oprettes.',
};

const en: EditStrings = {
  fields: {
    'general.localCallName': 'Local name',
    'general.localSystemId': 'Local system id',
    'general.systemVersion': 'Version',
    'general.dataClassificationUuid': 'Data classification',
    'general.numberOfExpectedUsers': 'Number of users',
    'general.validity.lifeCycleStatus': 'Life cycle',
    'general.validity.validFrom': 'In use from',
    'general.validity.validTo': 'In use until',
    'general.notes': 'Notes',
    'organizationUsage.usingUnitUuids': 'Relevant units',
    'organizationUsage.responsibleUnitUuid': 'Responsible unit',
    roles: 'Assigned roles',
    'gdpr.purpose': 'Purpose of processing',
    'gdpr.businessCritical': 'Business critical',
    'gdpr.hostedAt': 'Hosted',
    'gdpr.dataSensitivityLevels': 'Which kinds of data does the system hold?',
    'gdpr.technicalPrecautionsInPlace': 'Are suitable technical measures in place?',
    'gdpr.technicalPrecautionsApplied': 'Technical measures',
    'gdpr.userSupervision': "Is users' activity logged?",
    'gdpr.userSupervisionDate': 'Date of the last logging check',
    'gdpr.riskAssessmentConducted': 'Has a risk assessment been made?',
    'gdpr.riskAssessmentConductedDate': 'Date of the risk assessment',
    'gdpr.riskAssessmentResult': 'Result of the risk assessment',
    'gdpr.riskAssessmentNotes': 'Notes on the risk assessment',
    'gdpr.dpiaConducted': 'Has a data protection impact assessment (DPIA) been made?',
    'gdpr.dpiaDate': 'Date of the DPIA',
    'gdpr.retentionPeriodDefined': 'Is a retention period defined?',
    'gdpr.nextDataRetentionEvaluationDate': 'Next evaluation of the retention period',
    'gdpr.dataRetentionEvaluationFrequencyInMonths': 'Evaluation frequency (months)',
    'gdpr.plannedRiskAssessmentDate': 'Planned risk assessment',
  },
  groups: { general: 'General', organisation: 'Organisation', roles: 'System roles', gdpr: 'GDPR' },
  role: 'Role',
  user: 'User',
  addRole: 'Add role',
  removeRole: (r, u) => `Remove ${r}: ${u}`,
  noRoles: 'No roles are assigned.',
  roleTaken: 'The user already has that role.',
  editTitle: (s) => `Edit ${s}`,
  save: 'Save',
  saving: 'Saving …',
  cancel: 'Cancel',
  saved: 'The changes are saved.',
  nothingChanged: 'There are no changes to save.',
  choose: '— Choose —',
  dateHint: 'dd-mm-yyyy',
  invalidDate: 'Write the date as dd-mm-yyyy, e.g. 31-12-2025',
  gateHint: 'The fields open only when the answer is Yes. Other answers clear them on saving.',
  gateClears: (f) => `Saving clears: ${f}.`,
  responsibleHint: 'Choose among the relevant units above.',
  noUnits: 'The organisation has no units.',
  noOptions: 'The organisation has no options here.',
  findUnit: 'Find unit',
  findChoice: 'Search the list',
  fixErrors: (x) => `${plural(x, 'field needs', 'fields need')} fixing before saving.`,
  serverRefused: 'KITOS refused the change. See the fields marked below.',
  forbidden: 'You may not change this IT system.',
  saveFailed: 'The change could not be saved. Try again.',
  conflictTitle: 'Someone else saved changes meanwhile',
  conflictText: (f) => `Changed by someone else since you opened the form: ${f}.`,
  conflictBoth: (f) => `You both changed: ${f}.`,
  conflictKept: 'What you typed is kept. Load the new version, or save your changes on top of it.',
  reload: 'Load the new version (discard my changes)',
  reapply: 'Save my changes on top of the new version',
  changedByOthers: 'Changed by someone else',
  deleteTitle: (s) => `Remove the usage of ${s}?`,
  deleteIntro: 'The usage is deleted together with:',
  deleteConsequences: (c) => {
    const { l, contracts, registrations, projects, relations, other } = usageFacts(c);
    return [
      l.roles && plural(l.roles, 'role assignment', 'role assignments'),
      l.usingUnits && `its link to ${plural(l.usingUnits, 'organisation unit', 'organisation units')}`,
      l.externalReferences && plural(l.externalReferences, 'local reference', 'local references'),
      relations.length &&
        `${plural(relations.length, 'other system loses', 'other systems lose')} their relation to it`,
      contracts.length &&
        `its link to ${plural(contracts.length, 'contract', 'contracts')} (the contracts are kept)${named(contracts)}`,
      registrations.length &&
        `its link to ${plural(registrations.length, 'data processing registration', 'data processing registrations')} (the registrations are kept)${named(registrations)}`,
      projects.length && `its link to ${plural(projects.length, 'project', 'projects')}${named(projects)}`,
      other && `${plural(other, 'other record loses', 'other records lose')} its reference to it`,
    ].filter((x): x is string => !!x);
  },
  usageChangedMeanwhile: 'The usage was changed meanwhile. The consequences above are updated; confirm again.',
  deleteIrreversible: 'This cannot be undone.',
  deleteConfirm: 'Remove the usage',
  deleting: 'Removing …',
  deleteFailed: 'The usage could not be removed.',
  deleted: (s) => `The usage of ${s} is removed.`,
  createTitle: 'Take an IT system into use',
  searchSystems: 'Search the IT system catalogue',
  searchSystemsHint: "Type part of the system's name.",
  systemsFound: (x) => plural(x, 'system found', 'systems found'),
  create: 'Take into use',
  creating: 'Taking into use …',
  createFailed: 'The system could not be taken into use.',
  alreadyInUse: 'Already in use in the organisation',
  deactivated: 'The system is deactivated in the catalogue',
  pickSystem: 'Choose a system in the list.',
  created: (s) => `${s} is taken into use.`,
  contractFields: {
    name: 'Contract name',
    'general.contractId': 'Contract id',
    'general.contractTypeUuid': 'Contract type',
    'general.contractTemplateUuid': 'Contract template',
    'general.criticalityUuid': 'Criticality',
    'responsible.organizationUnitUuid': 'Responsible unit',
    'general.validity.validFrom': 'Valid from',
    'general.validity.validTo': 'Valid until',
    'general.validity.enforcedValid': 'Force valid',
    'general.notes': 'Notes',
    'supplier.organizationUuid': 'Supplier',
    'supplier.signed': 'Signed by the supplier',
    'supplier.signedBy': 'Signed by (supplier)',
    'supplier.signedAt': 'Signed on (supplier)',
    'agreementPeriod.isContinuous': 'Continuous (no fixed duration)',
    'agreementPeriod.durationYears': 'Duration (years)',
    'agreementPeriod.durationMonths': 'Duration (months)',
    'agreementPeriod.extensionOptionsUuid': 'Extension option',
    'agreementPeriod.extensionOptionsUsed': 'Extensions used',
    'agreementPeriod.irrevocableUntil': 'Irrevocable until',
    'termination.terms.noticePeriodMonthsUuid': 'Notice period (months)',
    'termination.terms.noticePeriodExtendsCurrent': 'Notice runs from the end of the current',
    'termination.terms.noticeByEndOf': 'Termination takes effect at the end of the',
    'termination.terminatedAt': 'Notice given on',
    'procurement.purchaseTypeUuid': 'Purchase type',
    'procurement.procurementStrategyUuid': 'Procurement strategy',
    'paymentModel.paymentModelUuid': 'Payment model',
    'paymentModel.paymentFrequencyUuid': 'Payment frequency',
    'paymentModel.priceRegulationUuid': 'Price regulation',
    'paymentModel.operationsRemunerationStartedAt': 'Operations remuneration started',
    roles: 'Assigned roles',
  },
  contractGroups: {
    general: 'Contract',
    supplier: 'Supplier',
    terms: 'Agreement period and notice',
    economy: 'Economy',
    roles: 'Contract roles',
  },
  contractForbidden: 'You may not change this contract.',
  contractDeleteTitle: (n) => `Delete the contract ${n}?`,
  contractDeleteIntro: 'The contract is deleted with its dates, terms and payments, and:',
  contractDeleteConsequences: (c) => {
    const { l, usages, relations, registrations, children, projects, other } = contractFacts(c);
    return [
      l.roles && plural(l.roles, 'role assignment', 'role assignments'),
      l.externalReferences && plural(l.externalReferences, 'reference', 'references'),
      l.agreementElements && plural(l.agreementElements, 'agreement element', 'agreement elements'),
      l.systemUsages &&
        `its link to ${plural(l.systemUsages, 'IT system', 'IT systems')} (the systems' usages are kept)`,
      usages.length && `${plural(usages.length, 'IT system loses', 'IT systems lose')} it as main contract`,
      relations.length &&
        `${plural(relations.length, 'IT system has', 'IT systems have')} relations that no longer refer to it`,
      registrations.length &&
        `${plural(registrations.length, 'data processing registration loses', 'data processing registrations lose')} its link to it${named(registrations)}`,
      children.length &&
        `${plural(children.length, 'sub-contract becomes', 'sub-contracts become')} top-level${named(children)}`,
      projects.length &&
        `${plural(projects.length, 'project loses', 'projects lose')} its link to it${named(projects)}`,
      other && `${plural(other, 'other record loses', 'other records lose')} its reference to it`,
    ].filter((x): x is string => !!x);
  },
  contractDeleteConfirm: 'Delete the contract',
  contractDeleteFailed: 'The contract could not be deleted.',
  contractDeleted: (n) => `The contract ${n} is deleted.`,
  contractChangedMeanwhile: 'The contract was changed meanwhile. The consequences above are updated; confirm again.',
  newContract: 'New contract',
  newContractTitle: 'Create a contract',
  contractName: 'Contract name',
  contractNameHint: 'The name must be unique in the organisation.',
  createNamed: 'Create',
  creatingNamed: 'Creating …',
  createContractFailed: 'The contract could not be created.',
  contractCreated: (n) => `The contract ${n} is created.`,
  registrationFields: {
    name: 'Name',
    'general.dataResponsibleUuid': 'Data controller',
    'general.dataResponsibleRemark': 'Remark on the data controller',
    'general.isAgreementConcluded': 'Agreement concluded',
    'general.agreementConcludedAt': 'Concluded on',
    'general.agreementConcludedRemark': 'Remark on the agreement',
    'general.responsibleUnitUuid': 'Responsible unit',
    'general.dataProcessorUuids': 'Data processors',
    'general.transferToInsecureThirdCountries': 'Is data transferred to insecure third countries?',
    'general.insecureCountryUuids': 'Insecure third countries',
    'general.basisForTransferUuid': 'Basis for transfer',
    'oversight.oversightOptionUuids': 'Oversight options',
    'oversight.oversightOptionsRemark': 'Remark on the oversight options',
    'oversight.oversightInterval': 'Oversight interval',
    'oversight.oversightIntervalRemark': 'Remark on the oversight interval',
    'oversight.isOversightCompleted': 'Has oversight been carried out?',
    'oversight.oversightCompletedRemark': 'Remark on the oversight carried out',
    'oversight.scheduledInspectionDate': 'Scheduled inspection',
    roles: 'Assigned roles',
  },
  registrationGroups: { general: 'General', processors: 'Data processors', oversight: 'Oversight', roles: 'Roles' },
  registrationForbidden: 'You may not change this data processing registration.',
  registrationDeleteTitle: (n) => `Delete the registration ${n}?`,
  registrationDeleteIntro: 'The registration is deleted with its agreement, transfer and oversight details, and:',
  registrationDeleteConsequences: (c) => {
    const { l, contracts, other } = registrationFacts(c);
    return [
      l.roles && plural(l.roles, 'role assignment', 'role assignments'),
      l.externalReferences && plural(l.externalReferences, 'reference', 'references'),
      l.dataProcessors &&
        `${plural(l.dataProcessors, 'data processor', 'data processors')} (the organisations are kept)`,
      l.subDataProcessors && plural(l.subDataProcessors, 'sub-processor', 'sub-processors'),
      l.systemUsages &&
        `its link to ${plural(l.systemUsages, 'IT system', 'IT systems')} (the systems' usages are kept)`,
      contracts.length &&
        `${plural(contracts.length, 'contract loses', 'contracts lose')} its link to it${named(contracts)}`,
      other && `${plural(other, 'other record loses', 'other records lose')} its reference to it`,
    ].filter((x): x is string => !!x);
  },
  registrationDeleteConfirm: 'Delete the registration',
  registrationDeleteFailed: 'The registration could not be deleted.',
  registrationDeleted: (n) => `The registration ${n} is deleted.`,
  registrationChangedMeanwhile:
    'The registration was changed meanwhile. The consequences above are updated; confirm again.',
  newRegistrationTitle: 'Create a data processing registration',
  registrationName: 'Name',
  registrationNameHint: 'The name must be unique in the organisation.',
  registrationCreated: (n) => `The registration ${n} is created.`,
  createRegistrationFailed: 'The registration could not be created.',
  projectFields: {
    name: 'Name',
    type: 'Project type',
    projectId: 'Project ID',
    priority: 'Priority',
    isStrategic: 'Strategic project',
    isTransversal: 'Transversal project',
    isArchived: 'Archived',
    description: 'Description',
    background: 'Background',
    note: 'Note',
    currentPhase: 'Current phase',
    'status.trafficLight': 'Reported status',
    'status.note': 'Status note',
    ...phaseLabels(
      (n) => `Phase ${n}: name`,
      (n) => `Phase ${n}: start date`,
      (n) => `Phase ${n}: end date`,
    ),
    parentProjectUuid: 'Parent project',
    responsibleUnitUuid: 'Responsible unit',
    usingUnitUuids: 'Units using the project',
    systemUsageUuids: 'IT systems',
    contractUuids: 'Contracts',
  },
  projectGroups: { general: 'General', phases: 'Phases and status', links: 'Links' },
  projectForbidden: 'You may not change this project.',
  projectDeleteTitle: (n) => `Delete the project ${n}?`,
  projectDeleteIntro: 'The project is deleted with its phases, status, milestones, risks, goals and economy, and:',
  projectDeleteConsequences: (c) => {
    const { children, other } = projectFacts(c);
    const lines = [
      children.length &&
        `${plural(children.length, 'sub-project loses', 'sub-projects lose')} its parent project${named(children)}`,
      other && `${plural(other, 'other record loses', 'other records lose')} its reference to it`,
    ].filter((x): x is string => !!x);
    return lines.length ? lines : ['no other record is affected'];
  },
  projectDeleteConfirm: 'Delete the project',
  projectDeleteFailed: 'The project could not be deleted.',
  projectDeleted: (n) => `The project ${n} is deleted.`,
  projectChangedMeanwhile: 'The project was changed meanwhile. The consequences above are updated; confirm again.',
  newProjectTitle: 'Create a project',
  projectName: 'Name',
  projectNameHint: "Phases, status and the rest are set afterwards on the project's card.",
  projectCreated: (n) => `The project ${n} is created.`,
  createProjectFailed: 'The project could not be created.',
};

/**
 * The edit dictionary of a language.
 *
 * @example
 * ```ts
 * editStrings('en').save; // 'Save'
 * ```
 */
export function editStrings(lang: Lang): EditStrings {
  return lang === 'en' ? en : da;
}
