/**
 * Across municipalities, under `/api/v2/x-os2kitos/…`: an organisation's sharing setting (read by
 * its members, changed by its admin with If-Match), the national catalogue with usage counts, who
 * uses a system and how, the joint procurement radar, contracts like mine and landscapes like mine.
 * Every answer is the core's, through its sharing rules; query strings are parsed here and checked
 * again by the core's schemas.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ArchitectureElementCreateSchema,
  ArchitectureElementPatchSchema,
  ArchitectureElementSchema,
  RADAR_KINDS,
  SharingSettingPatchSchema,
} from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf, ifMatch, setEtag } from '../v2/handler.js';

const TAG = ['x-os2kitos coordination'];
const IsoDate = z.iso.date().openapi({ example: '2026-03-01' });
const Int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const Scope = z.enum(['Local', 'Public']);

const Named = z.object({ uuid: z.string(), name: z.string() }).openapi('NamedRef');
const Contact = z.object({ name: z.string(), email: z.string().nullable() }).openapi('SharedContact');

const SharingSettingResponse = z
  .object({
    uuid: z.string().nullable().openapi({ description: 'null until the organisation stores a setting' }),
    version: z.number().int(),
    organizationUuid: z.string(),
    usages: z.object({
      scope: Scope,
      fields: z.array(z.enum(['responsibleUnit', 'contact', 'lifeCycleStatus', 'interfaces'])),
      contactRoleUuid: z.string().nullable(),
    }),
    contracts: z.object({
      scope: Scope,
      fields: z.array(z.enum(['supplier', 'endQuarter', 'procurementForm', 'contact'])),
      contactRoleUuid: z.string().nullable(),
    }),
    projects: z.object({ scope: Scope, fields: z.array(z.enum(['phase', 'timeline', 'participants'])) }),
    exceptions: z.array(z.object({ uuid: z.string(), scope: Scope })),
    communityMembers: z
      .array(z.string())
      .openapi({ description: 'Interest communities only: the member organisations, who see its records whole.' }),
  })
  .openapi('SharingSetting', { description: 'What other municipalities see of the organisation.' });

const SharedUsage = z
  .object({
    organizationUuid: z.string(),
    organization: Named,
    systemUuid: z.string(),
    shared: z.array(z.string()).openapi({ description: 'The details present; the rest are not shared.' }),
    responsibleUnit: z.string().nullable().optional(),
    contacts: z.array(Contact).optional(),
    lifeCycleStatus: z.string().nullable().optional(),
    interfaceUuids: z.array(z.string()).optional(),
  })
  .openapi('SharedUsage');

const SharedContract = z
  .object({
    uuid: z.string(),
    organizationUuid: z.string(),
    systemUuids: z.array(z.string()),
    shared: z.array(z.string()),
    name: z.string().optional().openapi({ description: "Only to the contract's own organisation." }),
    supplier: Named.nullable().optional(),
    deadlines: z
      .array(z.object({ kind: z.enum(RADAR_KINDS), quarter: z.string().openapi({ example: '2026-Q3' }) }))
      .optional(),
    procurementForm: z.object({ strategy: z.string().nullable(), purchaseType: z.string().nullable() }).optional(),
    contacts: z.array(Contact).optional(),
  })
  .openapi('SharedContract');

const SharedProject = z
  .object({
    uuid: z.string(),
    organizationUuid: z.string(),
    organization: Named,
    name: z.string(),
    systemUuids: z.array(z.string()),
    shared: z.array(z.string()),
    phase: z.object({ number: z.number().int(), name: z.string() }).nullable().optional(),
    timeline: z
      .array(z.object({ name: z.string(), start: z.string().nullable(), end: z.string().nullable() }))
      .optional(),
    participants: z
      .array(z.object({ organizationUuid: z.string(), role: z.enum(['lead', 'partner', 'observer']) }))
      .optional()
      .openapi({ description: 'The organisations taking part besides the owner, with their roles (as shared).' }),
  })
  .openapi('SharedProject');

const KleTask = z.object({ uuid: z.string(), taskKey: z.string(), description: z.string() }).openapi('KleTaskRef');

const CataloguePage = z
  .object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    entries: z.array(
      z.object({
        uuid: z.string(),
        name: z.string(),
        deactivated: z.boolean(),
        organizations: z.number().int(),
        usedHere: z.boolean().optional(),
        rightsHolder: Named.nullable(),
        businessType: Named.nullable(),
        kle: z.array(KleTask),
        interfaces: z.array(z.object({ uuid: z.string(), name: z.string(), consumers: z.array(Named) })),
      }),
    ),
  })
  .openapi('NationalCataloguePage');

const CatalogueFilters = z
  .object({
    kle: z.array(KleTask).openapi({ description: 'KLE tasks of the systems, with the tasks above them, by number.' }),
    rightsHolders: z.array(Named).openapi({ description: 'Rights holders of the systems, by name.' }),
    businessTypes: z.array(Named).openapi({ description: 'Business types of the systems, by name.' }),
    maxOrganizations: z.number().int().openapi({ description: 'The most organisations using one system.' }),
  })
  .openapi('CatalogueFilters');

const SystemUse = z
  .object({
    system: Named,
    organizations: z.number().int(),
    usages: z.array(SharedUsage),
    contracts: z.array(SharedContract.extend({ organization: Named })),
    projects: z.array(SharedProject),
  })
  .openapi('SystemUse');

const Radar = z
  .object({
    quarters: z.array(z.string()),
    contracts: z.number().int(),
    organizations: z.number().int(),
    groups: z.array(
      z.object({
        system: Named,
        quarters: z.array(
          z.object({
            quarter: z.string(),
            entries: z.array(
              z.object({ organization: Named, contract: SharedContract, kinds: z.array(z.enum(RADAR_KINDS)) }),
            ),
          }),
        ),
      }),
    ),
  })
  .openapi('ProcurementRadar');

const Explanation = z.object({ da: z.string(), en: z.string() });

const LikeMine = z
  .object({
    organization: Named,
    contract: SharedContract,
    sameSystems: z.array(Named),
    sameSupplier: z.boolean(),
    quarterDistance: z.number().int().nullable(),
  })
  .openapi('ContractLikeMine');

const Similar = z
  .object({
    organization: Named,
    score: z.number(),
    sharedSystems: z.number().int(),
    rarestShared: z.array(Named),
    sharedKleTasks: z.number().int().openapi({ description: 'KLE tasks both cover (0 unless kleWeight > 0).' }),
    explanation: Explanation,
  })
  .openapi('SimilarLandscape');

const Suggestion = z
  .object({ system: Named, score: z.number(), usedBy: z.array(Named), explanation: Explanation })
  .openapi('LandscapeSuggestion');

const Count = { total: z.number().int(), tied: z.number().int() };
const Coverage = z
  .object({
    ...Count,
    elements: z.array(Named.extend({ usages: z.number().int() })),
    units: z.array(z.object({ unit: Named.nullable(), ...Count })),
    kle: z.array(z.object({ uuid: z.string(), taskKey: z.string(), description: z.string(), ...Count })),
  })
  .openapi('ArchitectureCoverage');

/** Registers the coordination routes under `prefix`. */
export function registerCoordinationRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  const OrgParams = z.object({ organizationUuid: WireUuid });

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/sharing`,
      tags: TAG,
      summary: "The organisation's sharing setting (members only)",
      request: { params: OrgParams },
      responses: { 200: { ...json(SharingSettingResponse, 'The setting.'), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const s = await c.get('kitos').coordination.sharing(actorOf(c), c.req.valid('param').organizationUuid);
      setEtag(c, s.version);
      return c.json(s as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: `${prefix}/organizations/{organizationUuid}/sharing`,
      tags: TAG,
      summary: "Change the organisation's sharing setting (its local admin or a global admin)",
      description:
        'Only the parts present change; a part\'s `fields` list is replaced. If-Match `"0"` means no setting is stored yet.',
      request: { params: OrgParams, headers: IfMatchHeader, ...jsonBody(SharingSettingPatchSchema) },
      responses: { 200: { ...json(SharingSettingResponse, 'Changed.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const kitos = c.get('kitos');
      const actor = actorOf(c);
      const saved = await kitos.coordination.updateSharing(actor, organizationUuid, c.req.valid('json'), ifMatch(c));
      const state = await kitos.coordination.sharing(actor, organizationUuid);
      setEtag(c, saved.version);
      return c.json(state as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/catalogue`,
      tags: TAG,
      summary: 'The national catalogue: systems with how many organisations use them, most used first',
      request: {
        query: z.strictObject({
          kleUuid: WireUuid.optional().openapi({ description: 'Systems with this KLE task or one below it.' }),
          rightsHolderUuid: WireUuid.optional(),
          businessTypeUuid: WireUuid.optional(),
          minOrganizations: Int(0, 1_000_000).optional(),
          search: z.string().max(100).optional(),
          organizationUuid: WireUuid.optional().openapi({ description: 'Mark the systems this organisation uses.' }),
          offset: Int(0, 1_000_000).optional(),
          limit: Int(1, 200).optional(),
        }),
      },
      responses: { 200: json(CataloguePage, 'The page.'), ...COMMON_PROBLEMS },
    }),
    async (c) => c.json((await c.get('kitos').coordination.catalogue(actorOf(c), c.req.valid('query'))) as never, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/catalogue/filters`,
      tags: TAG,
      summary: 'What the national catalogue can be filtered by: KLE tasks, rights holders, business types',
      description: 'Only values carried by catalogue systems the reader may see.',
      responses: { 200: json(CatalogueFilters, 'The choices.'), ...COMMON_PROBLEMS },
    }),
    async (c) => c.json((await c.get('kitos').coordination.catalogueFilters(actorOf(c))) as never, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/it-systems/{systemUuid}/use`,
      tags: TAG,
      summary: 'Who uses a system and how, as each organisation shares it',
      request: { params: z.object({ systemUuid: WireUuid }) },
      responses: { 200: json(SystemUse, 'Its use.'), ...COMMON_PROBLEMS },
    }),
    async (c) =>
      c.json((await c.get('kitos').coordination.systemUse(actorOf(c), c.req.valid('param').systemUuid)) as never, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/radar`,
      tags: TAG,
      summary: 'The joint procurement radar: shared contracts ending in a window of whole quarters',
      description:
        'Exactly one of systemUuid, supplierUuid, rightsHolderUuid and kleUuid. Dates are shared as quarters only.',
      request: {
        query: z.strictObject({
          systemUuid: WireUuid.optional(),
          supplierUuid: WireUuid.optional(),
          rightsHolderUuid: WireUuid.optional(),
          kleUuid: WireUuid.optional(),
          from: IsoDate.optional(),
          months: Int(1, 120).optional(),
          kinds: z
            .string()
            .max(100)
            .optional()
            .openapi({ description: 'Comma-separated: expiry, earliestEnd, tenderStart (default all).' }),
        }),
      },
      responses: { 200: json(Radar, 'The radar.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { kinds, ...q } = c.req.valid('query');
      const query = { ...q, ...(kinds !== undefined && { kinds: kinds.split(',') as never }) };
      return c.json((await c.get('kitos').coordination.radar(actorOf(c), query)) as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/it-contracts/{contractUuid}/like-mine`,
      tags: TAG,
      summary: "Other organisations' shared contracts on the same systems or with the same supplier",
      request: {
        params: z.object({ contractUuid: WireUuid }),
        query: z.strictObject({ limit: Int(1, 100).optional() }),
      },
      responses: { 200: json(z.array(LikeMine), 'Nearest end first.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const like = await c
        .get('kitos')
        .coordination.contractsLikeMine(actorOf(c), c.req.valid('param').contractUuid, c.req.valid('query'));
      return c.json(like as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/organizations/{organizationUuid}/similar`,
      tags: TAG,
      summary: 'Organisations whose portfolios are most like this one, weighted by rarity, explained',
      request: {
        params: OrgParams,
        query: z.strictObject({
          limit: Int(1, 100).optional(),
          kleWeight: z.coerce.number().min(0).max(1).optional().openapi({
            description: 'Share of the score from KLE task coverage: 0 (default) systems only, 1 tasks only.',
          }),
        }),
      },
      responses: { 200: json(z.array(Similar), 'Most similar first.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const similar = await c.get('kitos').coordination.similarLandscapes(actorOf(c), {
        organizationUuid: c.req.valid('param').organizationUuid,
        ...c.req.valid('query'),
      });
      return c.json(similar as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/organizations/{organizationUuid}/suggestions`,
      tags: TAG,
      summary: 'Systems for a KLE task that the most similar organisations use and this one does not',
      request: {
        params: OrgParams,
        query: z.strictObject({
          kleUuid: WireUuid,
          neighbours: Int(1, 100).optional(),
          limit: Int(1, 100).optional(),
        }),
      },
      responses: { 200: json(z.array(Suggestion), 'Most supported first.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const found = await c.get('kitos').coordination.suggestions(actorOf(c), {
        organizationUuid: c.req.valid('param').organizationUuid,
        ...c.req.valid('query'),
      });
      return c.json(found as never, 200);
    },
  );

  const elements = `${prefix}/coordination/architecture-elements`;
  app.openapi(
    route({
      method: 'get',
      path: elements,
      tags: TAG,
      summary: 'The joint reference architecture: shared infrastructure and standards with their systems',
      responses: { 200: json(z.array(ArchitectureElementSchema), 'Every element.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const page = await c.get('kitos').coordination.architecture.list(actorOf(c), { limit: 1000 });
      return c.json(page.items as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: elements,
      tags: TAG,
      summary: 'Add an element to the reference architecture (global admins)',
      request: jsonBody(ArchitectureElementCreateSchema),
      responses: { 201: { ...json(ArchitectureElementSchema, 'Created.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const created = await c.get('kitos').coordination.architecture.create(actorOf(c), c.req.valid('json'));
      setEtag(c, created.version);
      return c.json(created as never, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${elements}/seed`,
      tags: TAG,
      summary:
        'Load the elements of the joint municipal reference architecture and the national infrastructure (global admins; idempotent)',
      responses: {
        200: json(z.object({ added: z.number().int() }).openapi('ArchitectureSeedResult'), 'How many were added.'),
        ...WRITE_PROBLEMS,
      },
    }),
    async (c) => {
      const added = await c.get('kitos').coordination.seedArchitecture(actorOf(c));
      return c.json({ added }, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: `${elements}/{uuid}`,
      tags: TAG,
      summary: 'Change an element of the reference architecture (global admins)',
      request: {
        params: z.object({ uuid: WireUuid }),
        headers: IfMatchHeader,
        ...jsonBody(ArchitectureElementPatchSchema),
      },
      responses: { 200: { ...json(ArchitectureElementSchema, 'Changed.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const saved = await c
        .get('kitos')
        .coordination.architecture.patch(actorOf(c), c.req.valid('param').uuid, c.req.valid('json'), ifMatch(c));
      setEtag(c, saved.version);
      return c.json(saved as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/coordination/organizations/{organizationUuid}/architecture`,
      tags: TAG,
      summary: "How much of the organisation's portfolio is tied to the reference architecture",
      request: { params: OrgParams },
      responses: { 200: json(Coverage, 'The coverage.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const coverage = await c
        .get('kitos')
        .coordination.architectureCoverage(actorOf(c), c.req.valid('param').organizationUuid);
      return c.json(coverage as never, 200);
    },
  );
}
