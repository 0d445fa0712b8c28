import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { safeParse } from '../shared/index.js';
import { type Contract, ContractCreateSchema, ContractPatchSchema, ContractSchema } from './contract.schema.js';
import { EconomyStreamSchema } from './economy.schema.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const load = (schema: string, kind: 'valid' | 'invalid', file: string): unknown =>
  JSON.parse(readFileSync(join(fixtures, schema, kind, file), 'utf8'));
/** A fresh, parsed copy of the valid fixture to break on purpose. */
const validContract = (): Contract =>
  ContractSchema.parse(load('ContractSchema', 'valid', 'fixed-term-with-extension-option.json'));

function issues(schema: Parameters<typeof safeParse>[0], input: unknown) {
  const r = safeParse(schema, input, 'contract');
  return r.ok ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('contract fixtures', () => {
  const schemas = { ContractSchema, ContractCreateSchema, EconomyStreamSchema };
  for (const [name, schema] of Object.entries(schemas)) {
    for (const kind of ['valid', 'invalid'] as const) {
      for (const file of readdirSync(join(fixtures, name, kind))) {
        it(`${name}: ${kind}/${file} is ${kind}`, () => {
          expect(schema.safeParse(load(name, kind, file)).success).toBe(kind === 'valid');
        });
      }
    }
  }
});

describe('ContractSchema cross-field rules', () => {
  it('accepts validFrom equal to validTo (a one-day contract)', () => {
    const c = validContract();
    c.general.validity.validFrom = '2025-12-31';
    expect(issues(ContractSchema, c)).toEqual([]);
  });
  it('rejects validFrom after validTo with invalid-period on validTo', () => {
    expect(issues(ContractSchema, load('ContractSchema', 'invalid', 'valid-from-after-valid-to.json'))).toEqual([
      { path: 'general.validity.validTo', code: 'invalid-period' },
    ]);
  });
  it('rejects requireValidParent without a parent', () => {
    expect(
      issues(ContractSchema, load('ContractSchema', 'invalid', 'require-valid-parent-without-parent.json')),
    ).toEqual([{ path: 'general.validity.requireValidParent', code: 'gate-closed' }]);
  });
  it('rejects years and months on a continuous period, naming each field', () => {
    const c = validContract();
    c.agreementPeriod = { ...c.agreementPeriod, isContinuous: true, durationYears: 2, durationMonths: 6 };
    expect(issues(ContractSchema, c)).toEqual([
      { path: 'agreementPeriod.durationYears', code: 'gate-closed' },
      { path: 'agreementPeriod.durationMonths', code: 'gate-closed' },
    ]);
  });
  it('rejects months outside 0–11 and negative years or extensions used', () => {
    const c = validContract();
    c.agreementPeriod = { ...c.agreementPeriod, durationMonths: 12, durationYears: -1, extensionOptionsUsed: -1 };
    expect(issues(ContractSchema, c).map((i) => i.path)).toEqual([
      'agreementPeriod.durationYears',
      'agreementPeriod.durationMonths',
      'agreementPeriod.extensionOptionsUsed',
    ]);
  });
  it('reports every duplicate uuid in lists, compared case-insensitively', () => {
    const c = validContract();
    const usage = c.systemUsageUuids[0] as string;
    c.systemUsageUuids = [usage, usage.toUpperCase()];
    c.dataProcessingRegistrationUuids = [usage, usage];
    expect(issues(ContractSchema, c)).toEqual([
      { path: 'systemUsageUuids.1', code: 'duplicate' },
      { path: 'dataProcessingRegistrationUuids.1', code: 'duplicate' },
    ]);
  });
  it('rejects the same payment line uuid in the external and internal lists', () => {
    const c = validContract();
    c.payments.internal = [c.payments.external[0]!];
    expect(issues(ContractSchema, c)).toEqual([{ path: 'payments.internal.0.uuid', code: 'duplicate' }]);
  });
  it('rejects a contract that is its own parent', () => {
    const c = validContract();
    c.parentContractUuid = c.uuid;
    expect(issues(ContractSchema, c)).toEqual([{ path: 'parentContractUuid', code: 'cycle' }]);
  });
  it('rejects procurement quarter 0 and 5 but accepts 1 and 4', () => {
    for (const [quarter, ok] of [
      [0, false],
      [1, true],
      [4, true],
      [5, false],
    ] as const) {
      const c = validContract();
      c.procurement.procurementPlan = { quarter, year: 2026 };
      expect(ContractSchema.safeParse(c).success).toBe(ok);
    }
  });
  it('trims the name and rejects a blank or 201-character name', () => {
    const c = validContract();
    c.name = '  Driftsaftale  ';
    expect(ContractSchema.parse(c).name).toBe('Driftsaftale');
    expect(issues(ContractSchema, { ...c, name: ' ' })[0]?.path).toBe('name');
    expect(issues(ContractSchema, { ...c, name: 'x'.repeat(201) })[0]?.path).toBe('name');
    expect(issues(ContractSchema, { ...c, name: 'x'.repeat(200) })).toEqual([]);
  });
});

describe('ContractCreateSchema and ContractPatchSchema', () => {
  const organizationUuid = '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c01';
  it('requires only organisation and name and adds no defaults', () => {
    expect(ContractCreateSchema.parse({ organizationUuid, name: 'A' })).toEqual({ organizationUuid, name: 'A' });
  });
  it('treats a missing parent on create as none, so requireValidParent is refused', () => {
    const input = { organizationUuid, name: 'A', general: { validity: { requireValidParent: true } } };
    expect(issues(ContractCreateSchema, input)).toEqual([
      { path: 'general.validity.requireValidParent', code: 'gate-closed' },
    ]);
  });
  it('lets a patch change one field inside a group without the rest of the group', () => {
    expect(ContractPatchSchema.parse({ general: { notes: 'x' } })).toEqual({ general: { notes: 'x' } });
  });
  it('cannot judge requireValidParent in a patch that does not mention the parent', () => {
    expect(issues(ContractPatchSchema, { general: { validity: { requireValidParent: true } } })).toEqual([]);
  });
  it('refuses a patch that clears the parent and turns requireValidParent on', () => {
    const patch = { parentContractUuid: null, general: { validity: { requireValidParent: true } } };
    expect(issues(ContractPatchSchema, patch)).toEqual([
      { path: 'general.validity.requireValidParent', code: 'gate-closed' },
    ]);
  });
  it('checks validFrom ≤ validTo when a patch carries both dates', () => {
    const patch = { general: { validity: { validFrom: '2025-02-01', validTo: '2025-01-31' } } };
    expect(issues(ContractPatchSchema, patch)).toEqual([{ path: 'general.validity.validTo', code: 'invalid-period' }]);
  });
});
