/**
 * The OpenAPI document is generated from the route schemas: it must be a valid OpenAPI 3.1
 * document, list every KITOS resource and extension, and name problem details for errors.
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Json, startHarness } from './helpers.js';

let h: Harness;
let doc: Json;
beforeAll(async () => {
  h = await startHarness();
  doc = (await h.call('GET', '/api/openapi.json', { token: null })).data;
});
afterAll(() => h.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('lists every public KITOS resource, the extensions and the sign-in routes', () => {
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/authorize/GetToken',
      '/api/session',
      '/api/v2/it-systems',
      '/api/v2/it-systems/{uuid}',
      '/api/v2/it-systems/permissions',
      '/api/v2/it-systems/{uuid}/permissions',
      '/api/v2/it-interfaces/{interfaceUuid}',
      '/api/v2/it-system-usages/{systemUsageUuid}',
      '/api/v2/it-system-usages/{systemUsageUuid}/roles/add',
      '/api/v2/it-contracts/{contractUuid}/permissions',
      '/api/v2/data-processing-registrations/permissions',
      '/api/v2/organizations/{organizationUuid}/users/{userUuid}',
      '/api/v2/organizations/{organizationUuid}/organization-units',
      '/api/v2/kle-options',
      '/api/v2/business-types/{optionUuid}',
      '/api/v2/it-contract-role-types',
      '/api/v2/delta-feed/deleted-entities',
      '/api/v2/x-os2kitos/history/{kind}/{uuid}',
      '/api/v2/x-os2kitos/overviews/{kind}',
      '/api/v2/x-os2kitos/organizations/{organizationUuid}/deadlines',
      '/api/v2/x-os2kitos/it-projects/{uuid}/card',
      '/api/v2/x-os2kitos/it-projects/{uuid}/record',
      '/api/v2/x-os2kitos/it-projects/permissions',
      '/api/v2/x-os2kitos/it-projects/{uuid}',
      '/api/v2/x-os2kitos/organizations/{organizationUuid}/project-edit-choices',
    ])
      expect(paths, p).toContain(p);
    expect(Object.keys(doc.paths['/api/v2/it-system-usages/{systemUsageUuid}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'put', 'delete']),
    );
  });

  it('documents problem details, paging bounds and the security schemes', () => {
    const get = doc.paths['/api/v2/it-contracts'].get;
    expect(get.responses['400'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    const pageSize = get.parameters.find((p: Json) => p.name === 'pageSize');
    expect(pageSize.schema).toMatchObject({ minimum: 1, maximum: 250, default: 250 });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiToken', 'oidc', 'session']);
    expect(doc.paths['/api/authorize/GetToken'].post.security).toEqual([]);
    expect(doc.components.schemas.ItSystemUsageResponseDTO.properties.general.$ref).toBe(
      '#/components/schemas/GeneralDataResponseDTO',
    );
  });

  it('serves an interactive reference page', async () => {
    const r = await fetch(`${h.url}/api/docs`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(await r.text()).toContain('/api/openapi.json');
  });
});
