/**
 * Data quality and the GDPR register over real HTTP: the summary and the register as JSON (members
 * only, query strings validated), the register as an XLSX workbook, and the routes in the OpenAPI
 * document.
 */
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Municipalities, twoMunicipalities } from './fixture.js';
import { type Harness, startHarness } from './helpers.js';

let h: Harness;
let m: Municipalities;
let usage: string;
let unit: string;
const X = '/api/v2/x-os2kitos';

beforeAll(async () => {
  h = await startHarness();
  m = await twoMunicipalities(h);
  const kitos = h.server.kitos;
  unit = (await kitos.units.create(h.admin, { organizationUuid: m.nordby, name: 'IT' })).uuid;
  usage = (await kitos.usages.create(h.admin, { organizationUuid: m.nordby, systemUuid: m.system })).uuid;
  await kitos.usages.patch(h.admin, usage, {
    organizationUsage: { usingUnitUuids: [unit], responsibleUnitUuid: unit },
    gdpr: { purpose: 'Sagsbehandling', dataSensitivityLevels: ['LegalData'], plannedRiskAssessmentDate: '2000-01-01' },
  });
});
afterAll(() => h.close());

describe('data quality and the GDPR register over HTTP', () => {
  it('sums up the data quality of a unit, for members only', async () => {
    const r = await h.call('GET', `${X}/organizations/${m.nordby}/data-quality?unitUuid=${unit}&limit=5`, {
      token: m.anna.token,
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.unit).toEqual({ uuid: unit, name: 'IT' });
    expect(r.data.worst[0].record.uuid).toBe(usage);
    const checks = r.data.worst[0].gaps.map((g: { check: string }) => g.check);
    expect(checks).toContain('usageRiskReviewOverdue');
    const foreign = await h.call('GET', `${X}/organizations/${m.nordby}/data-quality`, { token: m.bo.token });
    expect(foreign.status).toBe(403);
    const bad = await h.call('GET', `${X}/organizations/${m.nordby}/data-quality?limit=1000`, { token: m.anna.token });
    expect(bad.status).toBe(400);
  });

  it('returns the register and its needs-attention filter', async () => {
    const r = await h.call('GET', `${X}/organizations/${m.nordby}/gdpr-register?needsAttention=true`, {
      token: m.anna.token,
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.entries).toHaveLength(1);
    expect(r.data.entries[0]).toMatchObject({ uuid: usage, purpose: 'Sagsbehandling', criminal: true });
    expect(r.data.notInModel.length).toBeGreaterThan(0);
    const bad = await h.call('GET', `${X}/organizations/${m.nordby}/gdpr-register?needsAttention=maybe`, {
      token: m.anna.token,
    });
    expect(bad.status).toBe(400);
  });

  it('exports the register as a workbook in the language asked for', async () => {
    const res = await fetch(`${h.url}${X}/organizations/${m.nordby}/gdpr-register/xlsx?language=en`, {
      headers: { authorization: `Bearer ${m.anna.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/gdpr-register-\d{4}-\d{2}-\d{2}\.xlsx/);
    const [sheet] = await readXlsxFile(await res.arrayBuffer());
    const [header, row] = sheet!.data as unknown[][];
    expect(header![0]).toBe('IT system');
    expect(row).toContain('Sagsbehandling');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await h.call('GET', '/api/openapi.json', { token: null });
    const paths = Object.keys(doc.data.paths ?? {});
    for (const p of ['data-quality', 'gdpr-register', 'gdpr-register/xlsx'])
      expect(paths).toContain(`${X}/organizations/{organizationUuid}/${p}`);
  });
});
