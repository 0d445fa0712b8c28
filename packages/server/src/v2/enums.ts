/**
 * KITOS API v2 enums on the wire, from the core's names, with the few renames KITOS makes
 * (`Public`→`Global`, `Middle`→`Medium`, `PersonalData`→`PersonData`, oversight intervals).
 *
 * @module
 */
import {
  GdprRiskLevel,
  LifeCycleStatus,
  PersonalDataOption,
  TechnicalPrecaution,
  UsageArchiveDuty,
  UsageHostedAt,
  YearSegment,
  YesNoDontKnow,
  YesNoIrrelevant,
  YesNoPartially,
  YesNoUndecided,
} from '@os2kitos/core';
import { wireEnum } from './common.js';

export const YesNoDontKnowChoice = wireEnum(YesNoDontKnow.values, 'YesNoDontKnowChoice');
export const YesNoUndecidedChoice = wireEnum(YesNoUndecided.values, 'YesNoUndecidedChoice');
export const YesNoPartiallyChoice = wireEnum(YesNoPartially.values, 'YesNoPartiallyChoice');
export const YesNoIrrelevantChoice = wireEnum(YesNoIrrelevant.values, 'YesNoIrrelevantChoice');
export const LifeCycleStatusChoice = wireEnum(LifeCycleStatus.values, 'LifeCycleStatusChoice');
export const HostingChoice = wireEnum(UsageHostedAt.values, 'HostingChoice');
export const ArchiveDutyChoice = wireEnum(UsageArchiveDuty.values, 'ArchiveDutyChoice');
export const GDPRPersonalDataChoice = wireEnum(PersonalDataOption.values, 'GDPRPersonalDataChoice');
export const TechnicalPrecautionChoice = wireEnum(TechnicalPrecaution.values, 'TechnicalPrecautionChoice');
export const YearSegmentChoice = wireEnum(YearSegment.values, 'YearSegmentChoice');
export const MainContractStateChoice = wireEnum(
  ['NoContract', 'Active', 'Inactive'] as const,
  'MainContractStateChoice',
);

/** KITOS `DataSensitivityLevelChoice` (ours: `PersonalData` is KITOS's `PersonData`). */
export const DataSensitivityLevelChoice = wireEnum(
  ['None', 'PersonData', 'SensitiveData', 'LegalData'] as const,
  'DataSensitivityLevelChoice',
);
export const sensitivityOut = (v: string) => (v === 'PersonalData' ? 'PersonData' : v) as 'None' | 'PersonData';
export const sensitivityIn = (v: string) => (v === 'PersonData' ? 'PersonalData' : v);

/** KITOS `RiskLevelChoice` (ours: `Middle` is KITOS's `Medium`). */
export const RiskLevelChoice = wireEnum(['Low', 'Medium', 'High', 'Undecided'] as const, 'RiskLevelChoice');
export const riskOut = (v: string | null) => (v === 'Middle' ? 'Medium' : v) as 'Low' | null;
export const riskIn = (v: string | null | undefined) => (v === 'Medium' ? 'Middle' : v);
void GdprRiskLevel;

/** KITOS `OversightIntervalChoice` ⇄ ours. */
export const OversightIntervalChoice = wireEnum(
  ['BiYearly', 'Yearly', 'EveryOtherYear', 'Other', 'Undecided'] as const,
  'OversightIntervalChoice',
);
const OVERSIGHT: Record<string, string> = { HalfYearly: 'BiYearly', EverySecondYear: 'EveryOtherYear' };
export const oversightOut = (v: string | null) => (v === null ? null : (OVERSIGHT[v] ?? v)) as 'Yearly' | null;
export const oversightIn = (v: string | null | undefined) =>
  v == null ? v : (Object.entries(OVERSIGHT).find(([, k]) => k === v)?.[0] ?? v);
