/**
 * Fixed enumerations of the IT-system usage, with their KITOS integer codes. Names are the KITOS
 * enum members in PascalCase (KITOS writes some of them in upper case, e.g. `PERSONALDATA`).
 *
 * @module
 */
import { type EnumValue, kitosEnum } from '../shared/index.js';

/**
 * KITOS `LifeCycleStatusType`: Undecided=0, NotInUse=1, PhasingIn=2, Operational=3, PhasingOut=4.
 * Only `NotInUse` makes a usage invalid (see `usageValidity`).
 */
export const LifeCycleStatus = kitosEnum({ Undecided: 0, NotInUse: 1, PhasingIn: 2, Operational: 3, PhasingOut: 4 });
/** Where a usage is in its life cycle. */
export type LifeCycleStatus = EnumValue<typeof LifeCycleStatus>;

/**
 * KITOS `UserCount` (expected number of users): BelowTen=0 (0–9), TenToFifty=1 (10–50),
 * FiftyToHundred=2 (50–100), HundredPlus=3 (100 or more), Undecided=4.
 */
export const UsageUserCount = kitosEnum({
  BelowTen: 0,
  TenToFifty: 1,
  FiftyToHundred: 2,
  HundredPlus: 3,
  Undecided: 4,
});
/** Expected number of users, as an interval name. */
export type UsageUserCount = EnumValue<typeof UsageUserCount>;

/** KITOS `HostedAt`: Undecided=0, OnPremise=1, External=2, Hybrid=3. */
export const UsageHostedAt = kitosEnum({ Undecided: 0, OnPremise: 1, External: 2, Hybrid: 3 });
/** Where the system is hosted. */
export type UsageHostedAt = EnumValue<typeof UsageHostedAt>;

/** KITOS `SensitiveDataLevel`: None=0, PersonalData=1, SensitiveData=2, LegalData=3. */
export const SensitiveDataLevel = kitosEnum({ None: 0, PersonalData: 1, SensitiveData: 2, LegalData: 3 });
/** A level of data sensitivity handled by the system. */
export type SensitiveDataLevel = EnumValue<typeof SensitiveDataLevel>;

/** KITOS `GDPRPersonalDataOption`: CprNumber=0, SocialProblems=1, OtherPrivateMatters=2. */
export const PersonalDataOption = kitosEnum({ CprNumber: 0, SocialProblems: 1, OtherPrivateMatters: 2 });
/** A specific kind of personal data (only when the `PersonalData` level is present). */
export type PersonalDataOption = EnumValue<typeof PersonalDataOption>;

/** KITOS `TechnicalPrecaution`: Encryption=0, Pseudonymization=1, AccessControl=2, Logging=3. */
export const TechnicalPrecaution = kitosEnum({ Encryption: 0, Pseudonymization: 1, AccessControl: 2, Logging: 3 });
/** A technical precaution applied to the data. */
export type TechnicalPrecaution = EnumValue<typeof TechnicalPrecaution>;

/** KITOS `RiskLevel` (result of a risk assessment): Low=0, Middle=1, High=2, Undecided=3. */
export const GdprRiskLevel = kitosEnum({ Low: 0, Middle: 1, High: 2, Undecided: 3 });
/** Result of a GDPR risk assessment. */
export type GdprRiskLevel = EnumValue<typeof GdprRiskLevel>;

/**
 * KITOS `ArchiveDutyTypes` (the usage's own archive duty, not the catalogue recommendation):
 * Undecided=0, B=1, K=2, Unknown=3, PreserveDataCanDiscardDocuments=4.
 */
export const UsageArchiveDuty = kitosEnum({ Undecided: 0, B: 1, K: 2, Unknown: 3, PreserveDataCanDiscardDocuments: 4 });
/** Archive duty of a usage. */
export type UsageArchiveDuty = EnumValue<typeof UsageArchiveDuty>;
