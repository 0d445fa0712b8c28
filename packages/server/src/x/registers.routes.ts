/**
 * Data quality and the GDPR register, under `/api/v2/x-os2kitos/organizations/{uuid}/…`: the
 * data quality summary of the organisation or a unit, the register of processing activities
 * (article 30) as JSON and as an XLSX workbook. Every answer is the core's, for members of the
 * organisation; query strings are parsed here and checked again by the core's schemas.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Actor, DataQualityCheck, type Kitos } from '@os2kitos/core';
import { gdprRegisterWorkbook } from '@os2kitos/io';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, json, route } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf } from '../v2/handler.js';

const TAG = ['x-os2kitos data quality and GDPR'];
const IsoDate = z.iso.date().openapi({ example: '2026-03-01' });
const Bool = z.enum(['true', 'false']);
const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
const Label = z.object({ da: z.string(), en: z.string() }).openapi('Label');
const Ref = z.object({ uuid: z.string(), name: z.string() });
const Kind = z.enum(['usages', 'contracts', 'dataProcessing']);

const Gap = z
  .object({
    check: DataQualityCheck.schema,
    severity: z.enum(['required', 'recommended']),
    aspect: z.enum(['field', 'reference', 'deadline', 'contract']),
    gdpr: z.boolean().openapi({ description: "Part of the GDPR register's needs-attention." }),
    text: Label,
  })
  .openapi('DataQualityGap');

const Summary = z
  .object({
    today: IsoDate,
    unit: Ref.nullable(),
    kinds: z.array(
      z.object({
        kind: Kind,
        records: z.number().int(),
        averageScore: z.number().int().nullable(),
        withGaps: z.number().int(),
        checks: z.array(z.object({ check: DataQualityCheck.schema, count: z.number().int() })),
      }),
    ),
    worst: z.array(
      z.object({ kind: Kind, record: Ref, unit: Ref.nullable(), score: z.number().int(), gaps: z.array(Gap) }),
    ),
  })
  .openapi('DataQualitySummary');

const Register = z
  .object({
    today: IsoDate,
    unit: Ref.nullable(),
    entries: z.array(
      z
        .object({
          uuid: z.string(),
          name: z.string(),
          purpose: z.string().nullable(),
          attention: z.array(Gap.extend({ record: Ref.extend({ kind: z.enum(['usages', 'dataProcessing']) }) })),
        })
        .passthrough()
        .openapi('GdprRegisterEntry', { description: 'One processing activity: a usage and its registrations.' }),
    ),
    total: z.number().int(),
    needingAttention: z.number().int(),
    notInModel: z.array(Label),
  })
  .openapi('GdprRegister');

const Scope = {
  today: IsoDate.optional(),
  unitUuid: WireUuid.optional().openapi({ description: 'Only records this unit is responsible for.' }),
  includeSubUnits: Bool.optional().openapi({ description: 'With unitUuid: also the units below it (default true).' }),
};
const RegisterQuery = z.strictObject({
  ...Scope,
  needsAttention: Bool.optional(),
  includeNoPersonalData: Bool.optional(),
});

/** Registers the data quality and GDPR register routes. */
export function registerRegisterRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  const OrgParams = z.object({ organizationUuid: WireUuid });

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/data-quality`,
      tags: TAG,
      summary: 'Data quality of the organisation or a unit, and the records with the most gaps explained',
      request: {
        params: OrgParams,
        query: z.strictObject({ ...Scope, limit: z.coerce.number().int().min(0).max(200).optional() }),
      },
      responses: { 200: json(Summary, 'The summary.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const summary = await c.get('kitos').quality.summary(actorOf(c), {
        organizationUuid: c.req.valid('param').organizationUuid,
        today: q.today,
        unitUuid: q.unitUuid,
        includeSubUnits: bool(q.includeSubUnits),
        limit: q.limit,
      });
      return c.json(summary as never, 200);
    },
  );

  const registerOf = (kitos: Kitos, actor: Actor, organizationUuid: string, q: z.infer<typeof RegisterQuery>) =>
    kitos.gdpr.register(actor, {
      organizationUuid,
      today: q.today,
      unitUuid: q.unitUuid,
      includeSubUnits: bool(q.includeSubUnits),
      needsAttention: bool(q.needsAttention),
      includeNoPersonalData: bool(q.includeNoPersonalData),
    });

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/gdpr-register`,
      tags: TAG,
      summary: 'The register of processing activities (GDPR article 30) from usages and data processing registrations',
      request: { params: OrgParams, query: RegisterQuery },
      responses: { 200: json(Register, 'The register.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const register = await registerOf(
        c.get('kitos'),
        actorOf(c),
        c.req.valid('param').organizationUuid,
        c.req.valid('query'),
      );
      return c.json(register as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/gdpr-register/xlsx`,
      tags: TAG,
      summary: 'The register of processing activities as an XLSX workbook',
      request: {
        params: OrgParams,
        query: RegisterQuery.extend({ language: z.enum(['da', 'en']).optional() }),
      },
      responses: {
        200: {
          description: 'The workbook.',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
        ...COMMON_PROBLEMS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const register = await registerOf(c.get('kitos'), actorOf(c), c.req.valid('param').organizationUuid, q);
      const file = await gdprRegisterWorkbook(register, { language: q.language ?? 'da' });
      return c.body(file.data as never, 200, {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  );
}
