// The GDPR register as a workbook: the register's table in the chosen language with real date
// cells, and a sheet saying the day, the unit and what the model does not hold.
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { GDPR_REGISTER_COLUMNS, type GdprRegister, type GdprRegisterEntry, KitosValidationError } from '@os2kitos/core';
import { gdprRegisterWorkbook } from '../src/index.js';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const entry: GdprRegisterEntry = {
  uuid: '00000000-0000-4000-8000-000000000001',
  name: 'Sag',
  systemName: 'Sag',
  responsibleUnit: { uuid: '00000000-0000-4000-8000-000000000002', name: 'IT' },
  active: true,
  purpose: 'Sagsbehandling',
  dataSensitivity: ['PersonalData', 'LegalData'],
  sensitive: false,
  criminal: true,
  specificPersonalData: ['CprNumber'],
  sensitivePersonalData: [],
  dataCategories: [],
  hostedAt: 'External',
  registrations: [{ uuid: '00000000-0000-4000-8000-000000000003', name: 'Sag databehandling' }],
  dataControllers: [],
  processors: ['Leverandør A/S'],
  subProcessors: [],
  recipientSystems: ['Økonomi'],
  transfers: [
    {
      registration: { uuid: '00000000-0000-4000-8000-000000000003', name: 'Sag databehandling' },
      subProcessor: null,
      answer: 'Yes',
      countries: ['USA'],
      basis: 'Standardkontrakt',
    },
  ],
  retention: { defined: 'Yes', nextEvaluation: '2026-01-01', frequencyMonths: 12 },
  security: { inPlace: 'Yes', applied: ['Encryption'], userSupervision: null, userSupervisionDate: null },
  dpia: { conducted: 'No', date: null },
  riskAssessment: { conducted: 'Yes', date: '2024-06-01', result: 'Low', planned: '2025-03-01' },
  oversight: [],
  attention: [
    {
      check: 'usageRiskReviewOverdue',
      severity: 'required',
      aspect: 'deadline',
      gdpr: true,
      text: { da: 'Risikovurdering overskredet', en: 'Risk review overdue' },
      record: { kind: 'usages', uuid: '00000000-0000-4000-8000-000000000001', name: 'Sag' },
    },
  ],
};
const register: GdprRegister = {
  today: '2025-06-15',
  unit: null,
  entries: [entry],
  total: 1,
  needingAttention: 1,
  notInModel: [{ da: 'Kategorier af registrerede', en: 'Categories of data subjects' }],
};

describe('the GDPR register workbook', () => {
  it('holds the table in Danish with dates as dates, and what the model lacks', async () => {
    const file = await gdprRegisterWorkbook(register, { language: 'da' });
    expect(file.fileName).toBe('fortegnelse-2025-06-15.xlsx');
    const sheets = await readXlsxFile(buffer(file.data));
    const [header, row] = sheets[0]!.data as unknown[][];
    expect(header).toEqual(GDPR_REGISTER_COLUMNS.map((c) => c.label.da));
    const cell = (id: string) => row![GDPR_REGISTER_COLUMNS.findIndex((c) => c.id === id)];
    expect(cell('criminal')).toBe('Ja');
    expect(cell('sensitive')).toBe('Nej');
    expect(cell('dataSensitivity')).toBe('Almindelige personoplysninger, Straffedomme og lovovertrædelser');
    expect(cell('transfers')).toBe('Sag databehandling: Ja – USA (grundlag: Standardkontrakt)');
    expect(cell('riskPlanned')).toBeInstanceOf(Date);
    expect((cell('riskPlanned') as Date).toISOString().slice(0, 10)).toBe('2025-03-01');
    expect(cell('attention')).toBe('Risikovurdering overskredet');
    const about = (sheets[1]!.data as unknown[][]).map((r) => r.join(' | ')).join('\n');
    expect(about).toContain('Kategorier af registrerede');
  });

  it('speaks English when asked, and refuses another language', async () => {
    const file = await gdprRegisterWorkbook(register, { language: 'en' });
    expect(file.fileName).toBe('gdpr-register-2025-06-15.xlsx');
    const [header, row] = (await readXlsxFile(buffer(file.data)))[0]!.data as unknown[][];
    expect(header![0]).toBe('IT system');
    expect(row![GDPR_REGISTER_COLUMNS.findIndex((c) => c.id === 'criminal')]).toBe('Yes');
    await expect(gdprRegisterWorkbook(register, { language: 'de' as never })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
  });
});
