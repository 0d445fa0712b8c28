/**
 * What the widgets' contract, registration and project edit modes write through, in the core's own
 * shape (as the usage edit routes): the stored record, a patch with If-Match, creating one by name,
 * the choices an editor offers; and, for every kind the widgets delete, what a delete would take
 * with it. Deleting itself is KITOS's own `DELETE /api/v2/<kind>/{uuid}` (with If-Match); KITOS has
 * no projects (its project module was removed), so a project's delete and create permission probe
 * are routes here too.
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type Actor,
  CONTRACT_EDIT_OPTION_TYPES,
  editChoicesOf,
  type Kitos,
  type OptionType,
  PROJECT_EDIT_OPTION_TYPES,
  projectEditChoicesOf,
  REGISTRATION_EDIT_OPTION_TYPES,
} from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf, ifMatch, setEtag } from '../v2/handler.js';
import { canCreateIn } from '../v2/permissions.js';
import { OptionChoice, UserChoice } from './usage-edit.routes.js';

const TAG = ['x-os2kitos'];

type Versioned = { uuid: string; version: number };
/** The service calls the routes of one kind make. */
interface RecordService {
  get(actor: never, uuid: string): Promise<Versioned>;
  patch(actor: never, uuid: string, patch: never, options?: { expectedVersion?: number }): Promise<Versioned>;
  create(actor: never, input: never): Promise<Versioned>;
}

/** One kind the widgets edit by these routes. */
interface EditedKind {
  /** Path segment, e.g. `it-contracts`. */
  readonly segment: string;
  /** Document names, e.g. `Contract`. */
  readonly doc: string;
  /** In sentences, e.g. `a contract`. */
  readonly noun: string;
  /** The core's schemas, for the documentation. */
  readonly schemas: { readonly record: string; readonly patch: string };
  readonly service: (kitos: Kitos) => RecordService;
  /** The path segment of the choices route, e.g. `contract-edit-choices`. */
  readonly choices: string;
  readonly optionTypes: Readonly<Record<string, OptionType>>;
  /** The choices, when the kind offers more than option lists, members and organisations. */
  readonly choicesOf?: (kitos: Kitos, actor: Actor, organizationUuid: string) => Promise<unknown>;
}

const KINDS: readonly EditedKind[] = [
  {
    segment: 'it-contracts',
    doc: 'Contract',
    noun: 'a contract',
    schemas: { record: 'ContractSchema', patch: 'ContractPatchSchema' },
    service: (k) => k.contracts as unknown as RecordService,
    choices: 'contract-edit-choices',
    optionTypes: CONTRACT_EDIT_OPTION_TYPES,
  },
  {
    segment: 'data-processing-registrations',
    doc: 'Registration',
    noun: 'a data processing registration',
    schemas: { record: 'DataProcessingRegistrationSchema', patch: 'DataProcessingRegistrationPatchSchema' },
    service: (k) => k.dataProcessing as unknown as RecordService,
    choices: 'registration-edit-choices',
    optionTypes: REGISTRATION_EDIT_OPTION_TYPES,
  },
  {
    segment: 'it-projects',
    doc: 'Project',
    noun: 'a project',
    schemas: { record: 'ProjectSchema', patch: 'ProjectPatchSchema' },
    service: (k) => k.projects as unknown as RecordService,
    choices: 'project-edit-choices',
    optionTypes: PROJECT_EDIT_OPTION_TYPES,
    // The organisation's own projects, usages and contracts as choices too (a parent, the links).
    choicesOf: projectEditChoicesOf,
  },
];

const EditChoicesDoc = z
  .object({
    options: z.record(z.string(), z.array(OptionChoice)),
    users: z.array(UserChoice),
    organizations: z.array(z.object({ uuid: z.string(), name: z.string() })),
  })
  .openapi('RecordEditChoices', {
    description: 'The option lists (by field key), members and organisations an editor offers.',
  });
const DeleteConsequencesDoc = z
  .object({
    kind: z.string(),
    uuid: z.string(),
    version: z.number().int(),
    lists: z.record(z.string(), z.number().int()),
    detached: z.array(
      z.object({
        kind: z.string(),
        field: z.string(),
        records: z.array(z.object({ uuid: z.string(), name: z.string().nullable() })),
      }),
    ),
  })
  .openapi('DeleteConsequences', {
    description: "What deleting the record takes with it: its own lists' items and the records that let go of it.",
  });

/** The kinds with a delete-consequences route, by their path segment. */
const DELETABLE: Readonly<Record<string, (kitos: Kitos) => Pick<Kitos['contracts'], 'deleteConsequences'>>> = {
  'it-system-usages': (k) => k.usages,
  'it-contracts': (k) => k.contracts,
  'data-processing-registrations': (k) => k.dataProcessing,
  'it-projects': (k) => k.projects,
};

/**
 * Registers the record edit routes of contracts, registrations and projects, the delete-consequences
 * routes, and a project's delete and create permission probe, under `prefix`.
 */
export function registerRecordEditRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  for (const kind of KINDS) registerKind(app, prefix, kind);
  registerProjectRoutes(app, prefix);
  for (const [segment, service] of Object.entries(DELETABLE)) {
    app.openapi(
      route({
        method: 'get',
        path: `${prefix}/${segment}/{uuid}/delete-consequences`,
        tags: TAG,
        summary: 'What deleting the record would take with it',
        description:
          "The items of the record's own lists and the records that let go of it, read from the tables the " +
          'delete itself runs on, at the version in `version` (delete with it as If-Match).',
        request: { params: z.object({ uuid: WireUuid }) },
        responses: { 200: json(DeleteConsequencesDoc, 'The consequences.'), ...COMMON_PROBLEMS },
      }),
      async (c) => {
        const consequences = await service(c.get('kitos')).deleteConsequences(actorOf(c), c.req.valid('param').uuid);
        return c.json(consequences as never, 200);
      },
    );
  }
}

function registerKind(app: OpenAPIHono<ServerEnv>, prefix: string, kind: EditedKind): void {
  const Params = z.object({ uuid: WireUuid });
  const record = `${prefix}/${kind.segment}/{uuid}/record`;
  const RecordDoc = z
    .object({ uuid: z.string(), version: z.number().int() })
    .passthrough()
    .openapi(`${kind.doc}Record`, {
      description: `The stored record in the core's shape (\`${kind.schemas.record}\`).`,
    });
  const PatchDoc = z
    .record(z.string(), z.unknown())
    .openapi(`${kind.doc}RecordPatch`, { description: `A change in the core's shape (\`${kind.schemas.patch}\`).` });
  const CreateDoc = z.strictObject({ organizationUuid: WireUuid, name: z.string() }).openapi(`${kind.doc}RecordCreate`);

  app.openapi(
    route({
      method: 'get',
      path: record,
      tags: TAG,
      summary: `${kind.noun[0]?.toUpperCase()}${kind.noun.slice(1)} as stored, in the core's shape (what an editor starts from)`,
      request: { params: Params },
      responses: { 200: { ...json(RecordDoc, 'The record.'), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const found = await kind.service(c.get('kitos')).get(actorOf(c) as never, c.req.valid('param').uuid);
      setEtag(c, found.version);
      return c.json(found as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: record,
      tags: TAG,
      summary: `Change ${kind.noun} with a patch in the core's shape`,
      description:
        `Groups given are merged field by field, lists replaced whole (\`${kind.schemas.patch}\`). ` +
        'With If-Match, a record someone else changed since is refused with 412 and nothing changes.',
      request: { params: Params, headers: IfMatchHeader, ...jsonBody(PatchDoc) },
      responses: { 200: { ...json(RecordDoc, 'The changed record.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const changed = await kind
        .service(c.get('kitos'))
        .patch(actorOf(c) as never, c.req.valid('param').uuid, c.req.valid('json') as never, ifMatch(c));
      setEtag(c, changed.version);
      return c.json(changed as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${prefix}/${kind.segment}`,
      tags: TAG,
      summary: `Create ${kind.noun} in an organisation, by name`,
      description: 'A name already used in the organisation is refused with 409 (code `name-taken`).',
      request: jsonBody(CreateDoc),
      responses: { 201: { ...json(RecordDoc, 'The new record.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const created = await kind.service(c.get('kitos')).create(actorOf(c) as never, c.req.valid('json') as never);
      setEtag(c, created.version);
      return c.json(created as never, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/${kind.choices}`,
      tags: TAG,
      summary: `The option lists, members and organisations an editor of ${kind.noun} offers in the organisation`,
      request: { params: z.object({ organizationUuid: WireUuid }) },
      responses: { 200: json(EditChoicesDoc, 'The choices.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const choices = kind.choicesOf
        ? await kind.choicesOf(c.get('kitos'), actorOf(c), organizationUuid)
        : await editChoicesOf(c.get('kitos'), actorOf(c), organizationUuid, kind.optionTypes, { organizations: true });
      return c.json(choices as never, 200);
    },
  );
}

/** What KITOS's API would have for projects if it had them: the delete and the create probe (as the v2 resources). */
function registerProjectRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/it-projects/permissions`,
      tags: TAG,
      summary: 'May the caller create projects in an organisation',
      request: { query: z.strictObject({ organizationUuid: WireUuid }) },
      responses: { 200: json(z.object({ create: z.boolean() }), 'The answer.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('query');
      return c.json({ create: await canCreateIn(c.get('kitos'), actorOf(c), 'project', organizationUuid) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: `${prefix}/it-projects/{uuid}`,
      tags: TAG,
      summary: 'Delete a project',
      description:
        'Sub-projects let go of it (see `delete-consequences`). With If-Match, a project someone else changed ' +
        'since is refused with 412 and nothing changes.',
      request: { params: z.object({ uuid: WireUuid }), headers: IfMatchHeader },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await c.get('kitos').projects.delete(actorOf(c), c.req.valid('param').uuid, ifMatch(c));
      return c.body(null, 204);
    },
  );
}
