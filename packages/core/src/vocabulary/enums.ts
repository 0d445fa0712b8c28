/**
 * Danish and English labels for every fixed enumeration, in KITOS's vocabulary. The table is typed
 * from the enumerations themselves, so an enum value without a label (or a label for a value that
 * does not exist) is a compile error. Widgets, spreadsheet templates and exports, calendar feeds and
 * the server all read these; nothing else defines them.
 *
 * @module
 */
import { ArchiveDutyRecommendation } from '../catalogue/it-system.schema.js';
import { ContractValidityError } from '../contract/contract.rules.js';
import { OversightInterval } from '../data-processing/dpr.schema.js';
import { OrganizationRole } from '../organisation/membership.schema.js';
import { OrganizationCategory, OrganizationType } from '../organisation/organization.schema.js';
import { OrganizationUnitOrigin } from '../organisation/unit.schema.js';
import { ProjectParticipantRole, ProjectPriority } from '../project/project.schema.js';
import {
  AccessModifier,
  type EnumValue,
  kitosEnum,
  TrafficLight,
  YearSegment,
  YesNoDontKnow,
  YesNoIrrelevant,
  YesNoPartially,
  YesNoUndecided,
} from '../shared/enums.js';
import {
  GdprRiskLevel,
  LifeCycleStatus,
  PersonalDataOption,
  SensitiveDataLevel,
  TechnicalPrecaution,
  UsageArchiveDuty,
  UsageHostedAt,
  UsageUserCount,
} from '../usage/usage-enums.js';
import { UsageValidityError } from '../usage/usage-validity.rules.js';
import { DATA_QUALITY_CHECK_LABELS, DataQualityCheck } from '../quality/checks.js';
import type { Label } from './label.js';

/** The kinds of contract deadline as an enumeration (codes are their order on a day). */
export const ContractDeadlineKindEnum = kitosEnum({
  start: 0,
  'tender-start': 1,
  notice: 2,
  'extension-decision': 3,
  'termination-effective': 4,
  expiry: 5,
  'final-expiry': 6,
});

/** Every fixed enumeration with labels, by name. */
export const ENUMS = {
  AccessModifier,
  YesNoUndecided,
  YesNoIrrelevant,
  YesNoDontKnow,
  YesNoPartially,
  TrafficLight,
  YearSegment,
  OversightInterval,
  LifeCycleStatus,
  UsageUserCount,
  UsageHostedAt,
  SensitiveDataLevel,
  PersonalDataOption,
  TechnicalPrecaution,
  GdprRiskLevel,
  UsageArchiveDuty,
  ArchiveDutyRecommendation,
  ContractValidityError,
  UsageValidityError,
  OrganizationType,
  OrganizationCategory,
  OrganizationRole,
  OrganizationUnitOrigin,
  ProjectPriority,
  ProjectParticipantRole,
  ContractDeadlineKind: ContractDeadlineKindEnum,
  DataQualityCheck,
} as const;

/** The name of a labelled enumeration. */
export type EnumName = keyof typeof ENUMS;

/** Labels of every value of every enumeration; a missing one does not compile. */
export type EnumLabels = { readonly [E in EnumName]: { readonly [V in EnumValue<(typeof ENUMS)[E]>]: Label } };

const l = (da: string, en: string): Label => ({ da, en });
const YES = l('Ja', 'Yes');
const NO = l('Nej', 'No');
/** "Undecided": the question has not been answered yet. One wording everywhere. */
const UNDECIDED = l('Ikke besluttet', 'Undecided');

/** The labels. */
export const ENUM_LABELS: EnumLabels = {
  AccessModifier: { Local: l('Lokal', 'Local'), Public: l('Offentlig', 'Public') },
  YesNoUndecided: { Yes: YES, No: NO, Undecided: UNDECIDED },
  YesNoIrrelevant: { No: NO, Yes: YES, Irrelevant: l('Ikke relevant', 'Irrelevant'), Undecided: UNDECIDED },
  YesNoDontKnow: { No: NO, Yes: YES, DontKnow: l('Ved ikke', "Don't know"), Undecided: UNDECIDED },
  YesNoPartially: { No: NO, Yes: YES, Partially: l('Delvist', 'Partially') },
  TrafficLight: {
    White: l('Hvid', 'White'),
    Red: l('Rød', 'Red'),
    Yellow: l('Gul', 'Yellow'),
    Green: l('Grøn', 'Green'),
  },
  YearSegment: {
    EndOfCalendarYear: l('Kalenderår', 'End of calendar year'),
    EndOfQuarter: l('Kvartal', 'End of quarter'),
    EndOfMonth: l('Måned', 'End of month'),
  },
  OversightInterval: {
    HalfYearly: l('Halvårligt', 'Every six months'),
    Yearly: l('Årligt', 'Yearly'),
    EverySecondYear: l('Hvert andet år', 'Every second year'),
    Other: l('Andet', 'Other'),
    Undecided: UNDECIDED,
  },
  LifeCycleStatus: {
    Undecided: UNDECIDED,
    NotInUse: l('Ikke i drift', 'Not in use'),
    PhasingIn: l('Under indfasning', 'Phasing in'),
    Operational: l('I drift', 'Operational'),
    PhasingOut: l('Under udfasning', 'Phasing out'),
  },
  UsageUserCount: {
    BelowTen: l('Under 10', 'Fewer than 10'),
    TenToFifty: l('10–50', '10–50'),
    FiftyToHundred: l('50–100', '50–100'),
    HundredPlus: l('100 eller flere', '100 or more'),
    Undecided: UNDECIDED,
  },
  UsageHostedAt: {
    Undecided: UNDECIDED,
    OnPremise: l('On-premise', 'On premises'),
    External: l('Eksternt', 'Externally'),
    Hybrid: l('Hybrid', 'Hybrid'),
  },
  SensitiveDataLevel: {
    None: l('Ingen personoplysninger', 'No personal data'),
    PersonalData: l('Almindelige personoplysninger', 'Personal data'),
    SensitiveData: l('Følsomme personoplysninger', 'Sensitive personal data'),
    LegalData: l('Straffedomme og lovovertrædelser', 'Criminal convictions and offences'),
  },
  PersonalDataOption: {
    CprNumber: l('CPR-nummer', 'CPR number'),
    SocialProblems: l('Væsentlige sociale problemer', 'Serious social problems'),
    OtherPrivateMatters: l('Andre rent private forhold', 'Other purely private matters'),
  },
  TechnicalPrecaution: {
    Encryption: l('Kryptering', 'Encryption'),
    Pseudonymization: l('Pseudonymisering', 'Pseudonymisation'),
    AccessControl: l('Adgangsstyring', 'Access control'),
    Logging: l('Logning', 'Logging'),
  },
  GdprRiskLevel: { Low: l('Lav', 'Low'), Middle: l('Middel', 'Medium'), High: l('Høj', 'High'), Undecided: UNDECIDED },
  UsageArchiveDuty: {
    Undecided: UNDECIDED,
    B: l('B', 'B'),
    K: l('K', 'K'),
    Unknown: l('Ved ikke', 'Unknown'),
    PreserveDataCanDiscardDocuments: l('Bevar data, kassér dokumenter', 'Keep data, discard documents'),
  },
  ArchiveDutyRecommendation: {
    Undecided: UNDECIDED,
    B: l('B', 'B'),
    K: l('K', 'K'),
    NoRecommendation: l('Ingen anbefaling', 'No recommendation'),
    PreserveDataCanDiscardDocuments: l('Bevar data, kassér dokumenter', 'Keep data, discard documents'),
  },
  ContractValidityError: {
    StartDateNotPassed: l('Startdato ikke nået', 'Start date not reached'),
    EndDatePassed: l('Slutdato passeret', 'End date passed'),
    TerminationPeriodExceeded: l('Opsigelsesperiode udløbet', 'Notice period ended'),
    InvalidParentContract: l('Overordnet kontrakt ikke gyldig', 'Parent contract not valid'),
  },
  UsageValidityError: {
    StartDateNotPassed: l('Startdato ikke nået', 'Start date not reached'),
    EndDatePassed: l('Slutdato passeret', 'End date passed'),
    NotOperationalAccordingToLifeCycle: l('Ikke i drift ifølge livscyklus', 'Not in use according to its life cycle'),
    MainContractNotActive: l('Markeret kontrakt ikke aktiv', 'Main contract not active'),
  },
  OrganizationType: {
    Kommune: l('Kommune', 'Municipality'),
    Interessefællesskab: l('Interessefællesskab', 'Community of interest'),
    Virksomhed: l('Virksomhed', 'Company'),
    AndenOffentligMyndighed: l('Anden offentlig myndighed', 'Other public authority'),
  },
  OrganizationCategory: { Other: l('Andet', 'Other'), Municipality: l('Kommune', 'Municipality') },
  OrganizationRole: {
    User: l('Bruger', 'User'),
    LocalAdmin: l('Lokal administrator', 'Local administrator'),
    OrganizationModuleAdmin: l('Organisationsadministrator', 'Organisation administrator'),
    SystemModuleAdmin: l('Systemadministrator', 'System administrator'),
    ContractModuleAdmin: l('Kontraktadministrator', 'Contract administrator'),
    RightsHolderAccess: l('Rettighedshaveradgang', 'Rights holder access'),
  },
  OrganizationUnitOrigin: { Kitos: l('KITOS', 'KITOS'), STS_Organisation: l('FK Organisation', 'FK Organisation') },
  ProjectPriority: {
    None: l('Ingen', 'None'),
    Low: l('Lav', 'Low'),
    Mid: l('Mellem', 'Medium'),
    High: l('Høj', 'High'),
  },
  ProjectParticipantRole: {
    lead: l('Ledende', 'Lead'),
    partner: l('Partner', 'Partner'),
    observer: l('Observatør', 'Observer'),
  },
  ContractDeadlineKind: {
    start: l('Start', 'Start'),
    'tender-start': l('Start på udbud', 'Tender start'),
    notice: l('Seneste opsigelsesdag', 'Latest notice day'),
    'extension-decision': l('Beslutning om forlængelse', 'Extension decision'),
    'termination-effective': l('Ophør efter opsigelse', 'End after notice'),
    expiry: l('Udløb', 'Expiry'),
    'final-expiry': l('Endeligt udløb', 'Final expiry'),
  },
  DataQualityCheck: DATA_QUALITY_CHECK_LABELS,
};

/**
 * The label of one enum value in a language.
 *
 * @example
 * ```ts
 * enumLabel('LifeCycleStatus', 'Operational', 'da'); // 'I drift'
 * ```
 */
export function enumLabel<E extends EnumName>(name: E, value: EnumValue<(typeof ENUMS)[E]>, lang: 'da' | 'en'): string {
  return (ENUM_LABELS[name] as Record<string, Label>)[value as string]?.[lang] ?? String(value);
}
