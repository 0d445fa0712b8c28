// Roles already read, as the workbook the server's roles export gives: one row per role, the
// header and kinds in the chosen language, and a refusal of another language.
import { KitosValidationError, type RolesOverview } from '@os2kitos/core';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { rolesWorkbook } from '../src/index.js';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const overview: RolesOverview = {
  organizationUuid: '00000000-0000-4000-8000-000000000001',
  rows: [
    {
      objectKind: 'itContract',
      objectUuid: '00000000-0000-4000-8000-000000000002',
      objectName: '=Driftsaftale',
      objectVersion: 3,
      roleUuid: '00000000-0000-4000-8000-000000000003',
      role: 'Kontraktejer',
      userUuid: '00000000-0000-4000-8000-000000000004',
      user: 'Lene Test',
      email: 'lene@nordby.dk',
      mayChange: true,
    },
  ],
  holders: [],
};

describe('the roles workbook', () => {
  it('holds one row per role in Danish, with a formula-looking name as text', async () => {
    const file = await rolesWorkbook(overview);
    expect([file.fileName, file.mediaType]).toEqual([
      'roller.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const [sheet] = await readXlsxFile(buffer(file.data));
    expect(sheet?.sheet).toBe('Roller');
    expect(sheet?.data).toEqual([
      ['Navn', 'E-mail', 'Rolle', 'Type', 'Registrering'],
      ['Lene Test', 'lene@nordby.dk', 'Kontraktejer', 'IT-kontrakt', '=Driftsaftale'],
    ]);
  });

  it('speaks English when asked, and refuses another language', async () => {
    const file = await rolesWorkbook(overview, { language: 'en' });
    expect(file.fileName).toBe('roles.xlsx');
    const [sheet] = await readXlsxFile(buffer(file.data));
    expect(sheet?.data[0]).toEqual(['Name', 'E-mail', 'Role', 'Type', 'Record']);
    expect(sheet?.data[1]?.[3]).toBe('IT contract');
    await expect(rolesWorkbook(overview, { language: 'de' as never })).rejects.toBeInstanceOf(KitosValidationError);
  });
});
