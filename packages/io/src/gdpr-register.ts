/**
 * The GDPR register of processing activities as an XLSX workbook: the register's table in the
 * chosen language (one row per processing activity, real date cells), and a second sheet saying
 * what the register does not hold and the day it was drawn up for.
 *
 * @module
 */
import {
  GDPR_REGISTER_COLUMNS,
  GDPR_REGISTER_SECTIONS,
  type GdprRegister,
  gdprRegisterCells,
  type Language,
} from '@os2kitos/core';
import { choiceIssue, refuseOptions } from './choice.js';
import type { ExportFile } from './export.js';
import { writeWorkbook } from './xlsx.js';

const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Writes the register (from `kitos.gdpr.register`) as an XLSX file.
 *
 * @example
 * ```ts
 * import { gdprRegisterWorkbook } from '@os2kitos/io';
 * const register = await kitos.gdpr.register(actor, { organizationUuid });
 * const file = await gdprRegisterWorkbook(register, { language: 'da' });
 * // file.fileName === 'fortegnelse-2025-06-15.xlsx'
 * ```
 */
export async function gdprRegisterWorkbook(
  register: GdprRegister,
  options: { readonly language?: Language } = {},
): Promise<ExportFile> {
  const language = options.language ?? 'da';
  refuseOptions([choiceIssue(language, ['da', 'en'], 'language', 'language')]);
  const da = language === 'da';
  const header = GDPR_REGISTER_COLUMNS.map((c) => c.label[language]);
  const rows = register.entries.map((e) => gdprRegisterCells(e, language));
  const widths = GDPR_REGISTER_COLUMNS.map((c) =>
    c.id === 'purpose' || c.id === 'transfers' || c.id === 'oversight' || c.id === 'attention' ? 60 : 24,
  );
  const notes = [
    [da ? 'Opgjort pr.' : 'As of', { date: register.today }],
    [da ? 'Enhed' : 'Unit', register.unit?.name ?? (da ? 'Hele organisationen' : 'The whole organisation')],
    [da ? 'Behandlingsaktiviteter' : 'Processing activities', String(register.entries.length)],
    [da ? 'Kræver opmærksomhed' : 'Need attention', String(register.needingAttention)],
    ...register.notInModel.map((n) => [da ? 'Ikke i modellen' : 'Not in the model', n[language]]),
    ...Object.values(GDPR_REGISTER_SECTIONS).map((s, i) => [i === 0 ? (da ? 'Afsnit' : 'Sections') : '', s[language]]),
  ] as const;
  const data = await writeWorkbook([
    { name: da ? 'Fortegnelse' : 'Register', header, rows, widths },
    {
      name: da ? 'Om fortegnelsen' : 'About',
      header: [da ? 'Emne' : 'Topic', da ? 'Værdi' : 'Value'],
      rows: notes.map((r) => [...r]),
      widths: [28, 100],
    },
  ]);
  return {
    fileName: `${da ? 'fortegnelse' : 'gdpr-register'}-${register.today}.xlsx`,
    mediaType: WORKBOOK_TYPE,
    data,
  };
}
