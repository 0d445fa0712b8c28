/**
 * What the widgets' contract edit mode writes through, in the core's own shape (as the usage edit
 * routes): the stored contract, a patch with If-Match, creating a contract, the choices a contract
 * editor offers; and, for every kind the widgets delete, what a delete would take with it. Deleting
 * itself is KITOS's own `DELETE /api/v2/it-contracts/{uuid}` (with If-Match).
 *
 * @module
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { CONTRACT_EDIT_OPTION_TYPES, editChoicesOf, type Kitos } from '@os2kitos/core';
import type { ServerEnv } from '../env.js';
import { COMMON_PROBLEMS, ETAG_HEADER, IfMatchHeader, json, jsonBody, route, WRITE_PROBLEMS } from '../openapi.js';
import { WireUuid } from '../v2/common.js';
import { actorOf, ifMatch, setEtag } from '../v2/handler.js';
import { OptionChoice, UserChoice } from './usage-edit.routes.js';

const TAG = ['x-os2kitos'];

const ContractRecordDoc = z
  .object({ uuid: z.string(), version: z.number().int() })
  .passthrough()
  .openapi('ContractRecord', { description: "The stored contract in the core's shape (`ContractSchema`)." });
const ContractPatchDoc = z
  .record(z.string(), z.unknown())
  .openapi('ContractRecordPatch', { description: "A change in the core's shape (`ContractPatchSchema`)." });
const ContractCreateDoc = z
  .strictObject({ organizationUuid: WireUuid, name: z.string() })
  .openapi('ContractRecordCreate');
const ContractEditChoicesDoc = z
  .object({
    options: z.record(z.string(), z.array(OptionChoice)),
    users: z.array(UserChoice),
    organizations: z.array(z.object({ uuid: z.string(), name: z.string() })),
  })
  .openapi('ContractEditChoices', {
    description: 'The option lists (by field key), members and organisations a contract editor offers.',
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
};

/** Registers the contract edit routes and the delete-consequences routes under `prefix`. */
export function registerContractEditRoutes(app: OpenAPIHono<ServerEnv>, prefix: string): void {
  const Params = z.object({ uuid: WireUuid });
  const record = `${prefix}/it-contracts/{uuid}/record`;

  app.openapi(
    route({
      method: 'get',
      path: record,
      tags: TAG,
      summary: "A contract as stored, in the core's shape (what an editor starts from)",
      request: { params: Params },
      responses: { 200: { ...json(ContractRecordDoc, 'The contract.'), headers: ETAG_HEADER }, ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const contract = await c.get('kitos').contracts.get(actorOf(c), c.req.valid('param').uuid);
      setEtag(c, contract.version);
      return c.json(contract as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: record,
      tags: TAG,
      summary: "Change a contract with a patch in the core's shape",
      description:
        'Groups given are merged field by field, lists replaced whole (`ContractPatchSchema`). ' +
        'With If-Match, a contract someone else changed since is refused with 412 and nothing changes.',
      request: { params: Params, headers: IfMatchHeader, ...jsonBody(ContractPatchDoc) },
      responses: {
        200: { ...json(ContractRecordDoc, 'The changed contract.'), headers: ETAG_HEADER },
        ...WRITE_PROBLEMS,
      },
    }),
    async (c) => {
      const contract = await c
        .get('kitos')
        .contracts.patch(actorOf(c), c.req.valid('param').uuid, c.req.valid('json') as never, ifMatch(c));
      setEtag(c, contract.version);
      return c.json(contract as never, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${prefix}/it-contracts`,
      tags: TAG,
      summary: 'Create a contract in an organisation',
      description: 'A name already used in the organisation is refused with 409 (code `name-taken`).',
      request: jsonBody(ContractCreateDoc),
      responses: { 201: { ...json(ContractRecordDoc, 'The new contract.'), headers: ETAG_HEADER }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const contract = await c.get('kitos').contracts.create(actorOf(c), c.req.valid('json'));
      setEtag(c, contract.version);
      return c.json(contract as never, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${prefix}/organizations/{organizationUuid}/contract-edit-choices`,
      tags: TAG,
      summary: 'The option lists, members and organisations a contract editor offers in the organisation',
      request: { params: z.object({ organizationUuid: WireUuid }) },
      responses: { 200: json(ContractEditChoicesDoc, 'The choices.'), ...COMMON_PROBLEMS },
    }),
    async (c) => {
      const { organizationUuid } = c.req.valid('param');
      const choices = await editChoicesOf(c.get('kitos'), actorOf(c), organizationUuid, CONTRACT_EDIT_OPTION_TYPES, {
        organizations: true,
      });
      return c.json(choices as never, 200);
    },
  );

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
        request: { params: Params },
        responses: { 200: json(DeleteConsequencesDoc, 'The consequences.'), ...COMMON_PROBLEMS },
      }),
      async (c) => {
        const consequences = await service(c.get('kitos')).deleteConsequences(actorOf(c), c.req.valid('param').uuid);
        return c.json(consequences as never, 200);
      },
    );
  }
}
