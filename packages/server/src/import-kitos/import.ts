/**
 * Moving in from a running KITOS: one organisation read through KITOS API v2 and written through
 * the core's services (the same checks as every other write), in one unit of work. A dry run (the
 * default) rehearses every write in that unit of work and rolls it back, so its plan and report are
 * exactly what `apply` would do. KITOS's uuids are kept, so a second run matches what the first
 * wrote; with the stored watermarks it reads only what changed (`changedSinceGtEq`) and applies the
 * deletions of the deleted-entities feed.
 *
 * Each KITOS response becomes the request our own API v2 takes for the resource (see `convert`),
 * checked by that request schema and mapped to the core by the same mapping the routes use.
 *
 * @module
 */
import {
  type Actor,
  CORE_STORAGE_SCHEMA,
  type Kitos,
  KitosError,
  OPTION_TYPE_INFO,
  OPTION_TYPES,
  type OptionType,
  OrganizationUnitPatchSchema,
  type OrganizationRole,
  type UnitOfWorkServices,
  UserPatchSchema,
} from '@os2kitos/core';
import { findUserByEmail } from '../auth/credentials.js';
import { NameLookup } from '../v2/common.js';
import { contractOut, contractPatchIn, UpdateContractRequest } from '../v2/it-contracts.mapping.js';
import { dprOut, dprPatchIn, UpdateDprRequest } from '../v2/data-processing-registrations.mapping.js';
import { CreateItInterfaceRequest, itInterfaceFieldsIn } from '../v2/it-interfaces.mapping.js';
import { CreateItSystemRequest, itSystemFieldsIn } from '../v2/it-systems.mapping.js';
import { UpdateItSystemUsageRequest, usageOut, usagePatchIn } from '../v2/it-system-usages.mapping.js';
import { todayInDenmark } from '../v2/it-system-usages.routes.js';
import {
  cleanRequest,
  type ImportIssue,
  type ImportIssueCode,
  type IssueSubject,
  issueMessage,
  requestFromResponse,
} from './convert.js';
import { KitosSource, type KitosSourceOptions } from './source.js';
import { type KitosImportState, type KitosImportStateStore, sourceKey } from './state.js';

/** The kinds an import reads, in the order it writes them. */
export const KITOS_IMPORT_KINDS = [
  'options',
  'units',
  'users',
  'systems',
  'interfaces',
  'usages',
  'dataProcessingRegistrations',
  'contracts',
] as const;
/** A kind an import reads. */
export type KitosImportKind = (typeof KITOS_IMPORT_KINDS)[number];

/** What happened to the records of one kind. */
export interface KitosImportCounts {
  created: number;
  changed: number;
  unchanged: number;
  deleted: number;
  /** Refused by the core (each with a `rejected` issue). */
  rejected: number;
}

/** One planned (dry run) or made (applied) change. */
export interface KitosImportChange {
  readonly kind: KitosImportKind;
  readonly uuid: string;
  readonly name: string | null;
  readonly action: 'create' | 'update' | 'delete';
}

/** A progress event: reading a kind from KITOS, or writing it. */
export interface KitosImportProgress {
  readonly kind: KitosImportKind | 'deletions';
  readonly phase: 'read' | 'write';
  readonly done: number;
  readonly total?: number;
}

/** Options of {@link importFromKitos}. */
export interface KitosImportOptions extends KitosSourceOptions {
  /** The organisation's uuid in KITOS; the same organisation must exist here. */
  readonly organizationUuid: string;
  /** The target facade. */
  readonly kitos: Kitos;
  /** Who writes (a global admin, or a local admin of the organisation). */
  readonly actor: Actor;
  /** Where the watermarks are kept; without one every run reads everything. */
  readonly state?: KitosImportStateStore;
  /** Write (default false: a dry run that rehearses the writes and rolls them back). */
  readonly apply?: boolean;
  /** Ignore the stored watermarks and read everything. */
  readonly full?: boolean;
  readonly onProgress?: (progress: KitosImportProgress) => void;
}

/** What an import did or would do. */
export interface KitosImportReport {
  readonly source: string;
  readonly organizationUuid: string;
  readonly applied: boolean;
  /** True when the run read only changes since the stored watermarks. */
  readonly incremental: boolean;
  readonly counts: Readonly<Record<KitosImportKind, KitosImportCounts>>;
  readonly changes: readonly KitosImportChange[];
  /** Every value that did not fit. */
  readonly issues: readonly ImportIssue[];
  /** HTTP requests sent (retries included) and retries. */
  readonly requests: number;
  readonly retries: number;
  /** The state stored after an applied run (or that would be, after a dry run). */
  readonly state: KitosImportState;
}

/** The import cannot start: the organisation does not exist here, or KITOS does not know it. */
export class KitosImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KitosImportError';
  }
}

type Json = Record<string, unknown>;
interface Pair {
  uuid: string;
  name: string;
}

/** Response properties that are computed or meta (not data to carry), per kind. */
const META = ['uuid', 'createdBy', 'lastModified', 'lastModifiedBy', 'organizationContext', 'createdAt', 'created'];
const READ_ONLY: Record<string, ReadonlySet<string>> = {
  usages: new Set([
    ...META,
    'systemContext',
    'outgoingSystemRelations',
    'general.validity.valid',
    'general.validity.validAccordingToValidityPeriod',
    'general.validity.validAccordingToLifeCycle',
    'general.validity.validAccordingToMainContract',
    'general.validity.mainContractState',
    'general.criticalityFieldsLastChanged',
  ]),
  contracts: new Set([
    ...META,
    'general.validity.valid',
    'general.validity.validationErrors',
    'supplier.supplierType',
    'payments.external[].id',
    'payments.internal[].id',
    'payments.external[].organizationUnit',
    'payments.internal[].organizationUnit',
  ]),
  dataProcessingRegistrations: new Set([
    ...META,
    'general.validity.valid',
    'general.validity.validationErrors',
    'general.associatedContracts',
    'general.valid',
    // Carried: the request has no uuid for an oversight date, the import keeps KITOS's (see keepOversightUuids).
    'oversight.oversightDates[].uuid',
  ]),
  systems: new Set([...META, 'usingOrganizations', 'mainContractSuppliers']),
  interfaces: new Set([...META, 'data[].uuid']),
};

/** The kind of record a request property refers to (default: a global option). */
const REFERENCE_KINDS: readonly (readonly [RegExp, string])[] = [
  [/^(usingOrganizationUnit|responsibleOrganizationUnit|organizationUnit)Uuids?$/, 'organizationUnit'],
  [/^userUuid$/, 'user'],
  [/^(addedKLE|removedKLE|kle)Uuids$/, 'kle'],
  [/^(mainContract|parentContract|contract)Uuid$/, 'itContract'],
  [/^(systemUsage|toUsage)Uuids?$/, 'itSystemUsage'],
  [/^dataProcessingRegistrationUuids$/, 'dataProcessingRegistration'],
  [/^(dataProcessor|dataProcessorOrganization|supplierOrganization|rightsHolder|organization)Uuids?$/, 'organization'],
  [/^(parent|exposedBySystem)Uuid$/, 'itSystem'],
  [/^interfaceUuid$/, 'itInterface'],
];
const referenceKind = (key: string) => REFERENCE_KINDS.find(([re]) => re.test(key))?.[1] ?? 'globalOption';

/** KITOS's tracked entity types this import deletes, by kind. */
const TRACKED: Record<string, KitosImportKind> = {
  ItSystemUsage: 'usages',
  ItContract: 'contracts',
  DataProcessingRegistration: 'dataProcessingRegistrations',
  OrganizationUnit: 'units',
};
const STORE_KIND: Record<KitosImportKind, string> = {
  options: 'globalOption',
  units: 'organizationUnit',
  users: 'user',
  systems: 'itSystem',
  interfaces: 'itInterface',
  usages: 'itSystemUsage',
  contracts: 'itContract',
  dataProcessingRegistrations: 'dataProcessingRegistration',
};
const ORGANISATION_ROLES: readonly OrganizationRole[] = [
  'User',
  'LocalAdmin',
  'OrganizationModuleAdmin',
  'SystemModuleAdmin',
  'ContractModuleAdmin',
  'RightsHolderAccess',
];

/**
 * A usage in the newer shape. KITOS's published DTOs (`GDPRRegistrationsResponseDTO`) keep purpose,
 * business criticality and hosting under `gdpr` (`purpose`, `businessCritical`, `hostedAt`); the
 * newer KITOS, and our API v2, under `general` (`purpose`, `isBusinessCritical`, `hostedAt`). A value
 * is moved only when `general` lacks it, so a response with both reports the `gdpr` one.
 */
export function usageInNewerShape(dto: Json): Json {
  const gdpr = dto.gdpr as Json | undefined;
  if (!gdpr || typeof gdpr !== 'object') return dto;
  let general = (dto.general ?? {}) as Json;
  const rest = { ...gdpr };
  let moved = false;
  for (const [from, to] of [
    ['purpose', 'purpose'],
    ['businessCritical', 'isBusinessCritical'],
    ['hostedAt', 'hostedAt'],
  ] as const) {
    if (!Object.hasOwn(gdpr, from) || Object.hasOwn(general, to)) continue;
    general = { ...general, [to]: gdpr[from] };
    delete rest[from];
    moved = true;
  }
  return moved ? { ...dto, general, gdpr: rest } : dto;
}

/**
 * The oversight dates of a registration patch with KITOS's uuids: each written date takes the uuid
 * of the first KITOS date with the same day and remark not taken yet.
 */
function keepOversightUuids(patch: Json, kitosDates: readonly Json[] | undefined): Json {
  const dates = (patch.oversight as Json | undefined)?.oversightDates as Json[] | undefined;
  if (!dates || !kitosDates) return patch;
  const free = [...kitosDates];
  for (const d of dates) {
    const i = free.findIndex(
      (k) => String(k.completedAt).slice(0, 10) === d.date && (k.remark ?? null) === (d.remark ?? null),
    );
    if (i >= 0) {
      d.uuid = String(free[i]?.uuid).toLowerCase();
      free.splice(i, 1);
    }
  }
  return patch;
}

/**
 * The sections of a body with their empty properties left out (and empty sections with them):
 * `null`, `false` and `[]` are what a new record starts with.
 */
function withValues(body: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(body)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = withValues(v as Json);
      if (Object.keys(inner).length) out[k] = inner;
    } else if (v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out;
}

/** JSON with sorted keys: equal values give equal strings. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Json)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

const maxTime = (a: string | null | undefined, b: string | null | undefined): string | null => {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
};

/**
 * Imports one organisation from a running KITOS (see the module comment; the field mapping is in
 * docs/guides/import-kitos.md).
 *
 * @example
 * ```ts
 * const report = await importFromKitos({
 *   baseUrl: 'https://kitos.dk', token, organizationUuid, kitos, actor: admin,
 *   state: fileImportStateStore('.kitos-import-state.json'), apply: true,
 * });
 * console.log(report.counts.usages); // { created: 600, changed: 0, unchanged: 0, deleted: 0, rejected: 0 }
 * ```
 */
export async function importFromKitos(options: KitosImportOptions): Promise<KitosImportReport> {
  const { kitos, actor } = options;
  const org = options.organizationUuid.toLowerCase();
  const key = sourceKey(options.baseUrl, org);
  const source = new KitosSource(options);
  const progress = options.onProgress ?? (() => {});
  const previous = options.full ? undefined : await options.state?.load(key);
  const incremental = previous !== undefined;

  const startedAt = new Date().toISOString();
  const target = await kitos.organizations.get(actor, org).catch((e: unknown) => {
    if (e instanceof KitosError) return undefined; // not found, or not the actor's to read
    throw e;
  });
  if (!target)
    throw new KitosImportError(`the organisation ${org} does not exist here (create it first, with KITOS's uuid)`);

  const issues: ImportIssue[] = [];
  const issue = (s: IssueSubject, field: string, value: unknown, code: ImportIssueCode, detail = '') =>
    issues.push({ ...s, field, value, code, message: issueMessage(code, field, value, detail) });
  const counts = Object.fromEntries(
    KITOS_IMPORT_KINDS.map((k) => [k, { created: 0, changed: 0, unchanged: 0, deleted: 0, rejected: 0 }]),
  ) as Record<KitosImportKind, KitosImportCounts>;
  const changes: KitosImportChange[] = [];

  // ---- Read ---------------------------------------------------------------------------------
  const read = <T>(kind: KitosImportKind, path: string, query: Json = {}) =>
    source.all<T>(path, query as Record<string, string>, (done) => progress({ kind, phase: 'read', done }));
  const since = (kind: string) => (incremental ? previous?.changedSince[kind] : undefined);
  const units = await read<Json>('units', `api/v2/organizations/${org}/organization-units`);
  const users = await read<Json>('users', `api/v2/organizations/${org}/users`);
  // About 35 short option lists: four requests at a time.
  const optionTypes = OPTION_TYPES.filter((t) => OPTION_TYPE_INFO[t].apiV2Path);
  const optionLists: [OptionType, Json[]][] = [];
  for (let i = 0; i < optionTypes.length; i += 4) {
    const batch = optionTypes.slice(i, i + 4);
    const lists = await Promise.all(
      batch.map((type) => source.all<Json>(`api/v2/${OPTION_TYPE_INFO[type].apiV2Path}`, { organizationUuid: org })),
    );
    for (const [j, type] of batch.entries()) optionLists.push([type, lists[j] as Json[]]);
    progress({ kind: 'options', phase: 'read', done: optionLists.length, total: optionTypes.length });
  }
  const usages = await read<Json>('usages', 'api/v2/it-system-usages', {
    organizationUuid: org,
    changedSinceGtEq: since('usages'),
  });
  const dprs = await read<Json>('dataProcessingRegistrations', 'api/v2/data-processing-registrations', {
    organizationUuid: org,
    changedSinceGtEq: since('dataProcessingRegistrations'),
  });
  const contracts = await read<Json>('contracts', 'api/v2/it-contracts', {
    organizationUuid: org,
    changedSinceGtEq: since('contracts'),
  });
  const deletions =
    incremental && previous?.deletedSince
      ? await source.all<{ entityUuid: string; entityType: string; occurredAtUtc: string }>(
          'api/v2/delta-feed/deleted-entities',
          { deletedSinceUTC: previous.deletedSince },
          (done) => progress({ kind: 'deletions', phase: 'read', done }),
        )
      : [];

  // Catalogue systems and interfaces the records refer to and this store lacks.
  const stored = new Map<string, Promise<Json | undefined>>();
  const storedRecord = (kind: string, uuid: string) => {
    const k = `${kind}/${uuid.toLowerCase()}`;
    let hit = stored.get(k);
    if (!hit) {
      // A kind read whole (options, KLE, organisations) has no record that was not read.
      hit = complete.has(kind)
        ? Promise.resolve(undefined)
        : kitos.storage.get<Json>(kind, uuid.toLowerCase()).then((r) => r?.data);
      stored.set(k, hit);
    }
    return hit;
  };
  /**
   * Reads the records of a kind with these uuids in a few queries (500 uuids each) into the cache
   * of {@link storedRecord}, so planning asks the store per kind instead of per record.
   */
  const prefetch = async (kind: string, uuids: Iterable<unknown>) => {
    const wanted = [
      ...new Set([...uuids].filter((u): u is string => typeof u === 'string').map((u) => u.toLowerCase())),
    ].filter((u) => !stored.has(`${kind}/${u}`));
    const byQuery = CORE_STORAGE_SCHEMA.kinds.find((k) => k.kind === kind)?.fields.some((f) => f.name === 'uuid');
    const size = byQuery ? 500 : 25;
    for (let i = 0; i < wanted.length; i += size) {
      const chunk = wanted.slice(i, i + size);
      if (byQuery) {
        const found = await kitos.storage.query<Json>({
          kind,
          filter: { op: 'in', field: 'uuid', values: chunk },
          limit: size,
        });
        const byUuid = new Map(found.records.map((r) => [r.uuid.toLowerCase(), r.data]));
        for (const u of chunk) stored.set(`${kind}/${u}`, Promise.resolve(byUuid.get(u)));
      } else {
        // Not indexed by uuid: gets, a few at a time.
        const found = await Promise.all(chunk.map((u) => kitos.storage.get<Json>(kind, u)));
        for (const [j, u] of chunk.entries()) stored.set(`${kind}/${u}`, Promise.resolve(found[j]?.data));
      }
    }
  };
  /** Every record of a shared kind (options, KLE, organisations) into the cache: one query. */
  const prefetchAll = async (kind: string) => {
    const all = await kitos.storage.query<Json>({ kind, limit: 1_000_000 });
    for (const r of all.records) stored.set(`${kind}/${r.uuid.toLowerCase()}`, Promise.resolve(r.data));
    complete.add(kind);
  };
  const complete = new Set<string>();
  await Promise.all(['globalOption', 'kle', 'organization'].map(prefetchAll));
  const pairUuids = (list: Json[], ...paths: string[][]) =>
    list.flatMap((r) =>
      paths.flatMap((path) => {
        let v: unknown = r;
        for (const p of path) v = Array.isArray(v) ? v.flatMap((x) => (x as Json)?.[p]) : (v as Json | null)?.[p];
        return (Array.isArray(v) ? v : [v]).map((x) => (x && typeof x === 'object' ? (x as Pair).uuid : x));
      }),
    );
  await prefetch('itSystem', pairUuids(usages, ['systemContext']));
  await prefetch('itInterface', pairUuids(usages, ['outgoingSystemRelations', 'relationInterface']));
  await prefetch('organizationUnit', pairUuids(units, ['uuid']));
  await prefetch('user', [
    ...pairUuids(users, ['uuid']),
    ...pairUuids([...usages, ...contracts, ...dprs], ['roles', 'user']),
  ]);
  await prefetch('itSystemUsage', [
    ...pairUuids(usages, ['uuid']),
    ...pairUuids(usages, ['outgoingSystemRelations', 'toSystemUsage']),
    ...pairUuids([...contracts, ...dprs], ['systemUsages']),
  ]);
  await prefetch('itContract', [...pairUuids(contracts, ['uuid']), ...pairUuids(usages, ['general', 'mainContract'])]);
  await prefetch('dataProcessingRegistration', [
    ...pairUuids(dprs, ['uuid']),
    ...pairUuids(contracts, ['dataProcessingRegistrations']),
  ]);

  const systems = new Map<string, Json>();
  const interfaces = new Map<string, Json>();
  const wantSystem = async (uuid: string | undefined) => {
    if (!uuid || systems.has(uuid) || (await storedRecord('itSystem', uuid))) return;
    const dto = await source.get<Json>(`api/v2/it-systems/${uuid}`);
    systems.set(uuid, dto);
    progress({ kind: 'systems', phase: 'read', done: systems.size });
    await wantSystem((dto.parentSystem as Pair | null)?.uuid);
  };
  const wantInterface = async (uuid: string | undefined) => {
    if (!uuid || interfaces.has(uuid) || (await storedRecord('itInterface', uuid))) return;
    const dto = await source.get<Json>(`api/v2/it-interfaces/${uuid}`);
    interfaces.set(uuid, dto);
    progress({ kind: 'interfaces', phase: 'read', done: interfaces.size });
    await wantSystem((dto.exposedBySystem as Pair | null)?.uuid);
  };
  for (const u of usages) {
    await wantSystem((u.systemContext as Pair).uuid);
    for (const r of (u.outgoingSystemRelations as Json[]) ?? [])
      await wantInterface((r.relationInterface as Pair | null)?.uuid);
  }

  // ---- Plan ---------------------------------------------------------------------------------
  // Uuids this run brings in (so references between new records resolve) and KITOS uuids matched
  // to other uuids here.
  const planned = new Map<string, Set<string>>();
  const plan = (kind: string, uuid: string) => {
    let set = planned.get(kind);
    if (!set) {
      set = new Set();
      planned.set(kind, set);
    }
    set.add(uuid.toLowerCase());
  };
  const remap = new Map<string, string>();
  const exists = async (kind: string, uuid: string) =>
    planned.get(kind)?.has(uuid) || (await storedRecord(kind, uuid)) !== undefined;

  // Options: KITOS's choices in the organisation, matched by uuid or else by name within the type.
  const optionActivations: { type: OptionType; uuid: string; name: string }[] = [];
  // The options of every type here and those available to the organisation, asked all at once.
  const optionsHere = await Promise.all(
    optionLists.map(async ([type]) => ({
      here: await kitos.options.global(actor, type),
      available: new Set((await kitos.options.available(actor, type, org)).map((o) => o.uuid.toLowerCase())),
    })),
  );
  for (const [index, [type, list]] of optionLists.entries()) {
    const { here, available } = optionsHere[index] as (typeof optionsHere)[number];
    for (const o of list) {
      const s: IssueSubject = { kind: 'options', uuid: String(o.uuid), name: String(o.name ?? '') };
      let local = here.find((h) => h.uuid.toLowerCase() === String(o.uuid).toLowerCase());
      if (!local) {
        const byName = here.filter((h) => h.name.toLowerCase() === String(o.name).toLowerCase());
        if (byName.length === 1 && byName[0]) {
          local = byName[0];
          remap.set(String(o.uuid).toLowerCase(), local.uuid.toLowerCase());
          issue(s, type, o.uuid, 'remapped', `${local.uuid} (${local.name})`);
        } else {
          issue(s, type, o.name, 'unknown-reference', type);
          continue;
        }
      }
      if (available.has(local.uuid.toLowerCase())) counts.options.unchanged++;
      else optionActivations.push({ type, uuid: local.uuid, name: local.name });
    }
  }

  /**
   * Checks every reference of a cleaned request (a property named `…Uuid`/`…Uuids`): matched
   * uuids are swapped in, unknown ones reported and removed (a list item without its required
   * reference goes with it).
   */
  const checkReferences = async (s: IssueSubject, body: Json, path = ''): Promise<void> => {
    for (const [k, v] of Object.entries(body)) {
      const at = path ? `${path}.${k}` : k;
      if (k !== 'uuid' && /Uuids?$/.test(k) && !(path === '' && (k === 'systemUuid' || k === 'organizationUuid'))) {
        const kind = referenceKind(k);
        if (Array.isArray(v)) {
          const kept: string[] = [];
          for (const u of v as string[]) {
            const mapped = remap.get(u) ?? u;
            if (await exists(kind, mapped)) kept.push(mapped);
            else issue(s, at, u, 'unknown-reference', kind);
          }
          body[k] = kept;
        } else if (typeof v === 'string') {
          const mapped = remap.get(v) ?? v;
          if (await exists(kind, mapped)) body[k] = mapped;
          else {
            issue(s, at, v, 'unknown-reference', kind);
            body[k] = null;
          }
        }
      } else if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const item = v[i];
          if (!item || typeof item !== 'object') continue;
          await checkReferences(s, item as Json, `${at}[${i}]`);
          // A role without its user or role, a sub-processor without its organisation: gone.
          if (
            Object.entries(item as Json).some(
              ([ik, iv]) => /^(roleUuid|userUuid|dataProcessorOrganizationUuid)$/.test(ik) && iv === null,
            )
          )
            v.splice(i, 1);
        }
      } else if (v && typeof v === 'object') await checkReferences(s, v as Json, at);
    }
  };

  /** A KITOS response as a cleaned, reference-checked request of our API v2. */
  const toRequest = async (kind: KitosImportKind, schema: never, dto: Json, s: IssueSubject, quiet = false) => {
    const body = requestFromResponse(schema, dto, READ_ONLY[kind] ?? new Set(), (field, value) => {
      if (!quiet) issue(s, field, value, 'not-held');
    });
    const clean = cleanRequest(schema as never, body, (field, value, detail) => {
      if (quiet) return;
      const notHeld = /expected null|Too big: expected array to have <=0|expected false/i.test(detail);
      issue(s, field, value, notHeld ? 'not-held' : 'invalid-value', notHeld ? '' : detail);
    });
    if (!quiet) await checkReferences(s, clean);
    return clean;
  };

  const names = new NameLookup(kitos);
  const today = todayInDenmark();

  // Units: parents first (KITOS lists them in creation order, which need not be tree order).
  const unitByUuid = new Map(units.map((u) => [String(u.uuid).toLowerCase(), u]));
  const depth = (u: Json): number => {
    let d = 0;
    for (let p = (u.parentOrganizationUnit as Pair | null)?.uuid; p && d < 1000; d++)
      p = (unitByUuid.get(p)?.parentOrganizationUnit as Pair | null)?.uuid;
    return d;
  };
  const sortedUnits = [...units].sort((a, b) => depth(a) - depth(b));
  const tree = await kitos.units.tree(actor, org);
  const localRoot = tree.find((u) => u.parentUuid === null);
  type UnitPlan = { uuid: string; name: string; fields: Json; parentUuid: string | null; current?: Json };
  const unitPlans: UnitPlan[] = [];
  for (const u of sortedUnits) {
    let uuid = String(u.uuid).toLowerCase();
    const s: IssueSubject = { kind: 'units', uuid, name: String(u.name) };
    const parentKitos = (u.parentOrganizationUnit as Pair | null)?.uuid?.toLowerCase() ?? null;
    if (!parentKitos && localRoot && localRoot.uuid.toLowerCase() !== uuid) {
      remap.set(uuid, localRoot.uuid.toLowerCase());
      issue(s, 'uuid', uuid, 'remapped', `${localRoot.uuid} (${localRoot.name})`);
      uuid = localRoot.uuid.toLowerCase();
    }
    const fields = cleanRequest(
      OrganizationUnitPatchSchema as never,
      {
        name: u.name,
        localId: u.unitId ?? null,
        ean: u.ean === null || u.ean === undefined ? null : String(u.ean),
        origin: u.origin === 'STSOrganisation' ? 'STS_Organisation' : 'Kitos',
        externalOriginUuid: u.externalOriginUuid ?? null,
      },
      (field, value, detail) => issue(s, field === 'localId' ? 'unitId' : field, value, 'invalid-value', detail),
    );
    plan('organizationUnit', uuid);
    const parentUuid = parentKitos ? (remap.get(parentKitos) ?? parentKitos) : null;
    unitPlans.push({
      uuid,
      name: String(u.name),
      fields,
      parentUuid,
      current: await storedRecord('organizationUnit', uuid),
    });
  }

  // Users: by uuid, else by e-mail (matched, reported).
  const actorIsGlobalAdmin =
    ((await storedRecord('user', actor.userUuid)) as { isGlobalAdmin?: boolean } | undefined)?.isGlobalAdmin === true;
  const memberships = await kitos.memberships.list(actor, org);
  const held = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = held.get(m.userUuid.toLowerCase()) ?? new Set<string>();
    set.add(m.role);
    held.set(m.userUuid.toLowerCase(), set);
  }
  type UserPlan = { uuid: string; name: string; fields: Json; roles: OrganizationRole[]; current?: Json };
  const userPlans: UserPlan[] = [];
  for (const u of users) {
    let uuid = String(u.uuid).toLowerCase();
    const s: IssueSubject = { kind: 'users', uuid, name: String(u.name ?? u.email) };
    let current = await storedRecord('user', uuid);
    if (!current && typeof u.email === 'string') {
      const byEmail = await findUserByEmail(kitos, u.email);
      if (byEmail) {
        remap.set(uuid, byEmail.uuid.toLowerCase());
        issue(s, 'email', u.email, 'remapped', byEmail.uuid);
        uuid = byEmail.uuid.toLowerCase();
        current = byEmail as unknown as Json;
      }
    }
    const fields: Json = {
      firstName: u.firstName,
      lastName: u.lastName ?? '',
      email: u.email,
      phoneNumber: u.phoneNumber ?? null,
    };
    if (u.apiAccess === true && !current?.hasApiAccess) {
      if (actorIsGlobalAdmin) fields.hasApiAccess = true;
      else issue(s, 'apiAccess', true, 'invalid-value', 'only a global administrator grants API access');
    }
    const clean = cleanRequest(UserPatchSchema as never, fields, (field, value, detail) =>
      issue(s, field, value, 'invalid-value', detail),
    );
    const roles: OrganizationRole[] = ['User'];
    for (const r of (u.roles as string[]) ?? []) {
      if ((ORGANISATION_ROLES as readonly string[]).includes(r)) {
        if (!roles.includes(r as OrganizationRole)) roles.push(r as OrganizationRole);
      } else issue(s, 'roles', r, 'invalid-value', 'not an organisation role here');
    }
    plan('user', uuid);
    userPlans.push({ uuid, name: s.name ?? uuid, fields: clean, roles, current });
  }

  // Catalogue systems and interfaces to create.
  type CataloguePlan = { uuid: string; name: string; owner: string; fields: Json; parentUuid?: string | null };
  const systemPlans: CataloguePlan[] = [];
  for (const [uuid] of systems) plan('itSystem', uuid);
  for (const [uuid] of interfaces) plan('itInterface', uuid);
  const ownerOf = async (dto: Json, s: IssueSubject) => {
    const owner = (dto.organizationContext as Pair | null)?.uuid?.toLowerCase();
    if (owner && (await storedRecord('organization', owner))) return owner;
    if (owner && owner !== org) issue(s, 'organizationContext', dto.organizationContext, 'remapped', org);
    return org;
  };
  for (const [uuid, dto] of systems) {
    const s: IssueSubject = { kind: 'systems', uuid, name: String(dto.name) };
    const req = await toRequest('systems', CreateItSystemRequest.omit({ organizationUuid: true }) as never, dto, s);
    const parentUuid = (req.parentUuid as string | null | undefined) ?? null;
    delete req.parentUuid;
    systemPlans.push({
      uuid,
      name: s.name ?? uuid,
      owner: await ownerOf(dto, s),
      fields: itSystemFieldsIn(req as never),
      parentUuid,
    });
  }
  const interfacePlans: CataloguePlan[] = [];
  for (const [uuid, dto] of interfaces) {
    const s: IssueSubject = { kind: 'interfaces', uuid, name: String(dto.name) };
    const req = await toRequest(
      'interfaces',
      CreateItInterfaceRequest.omit({ organizationUuid: true }) as never,
      dto,
      s,
    );
    interfacePlans.push({
      uuid,
      name: s.name ?? uuid,
      owner: await ownerOf(dto, s),
      fields: itInterfaceFieldsIn(req as never),
    });
  }

  // Usages, registrations and contracts: requests, compared with what is stored.
  for (const u of usages) plan('itSystemUsage', String(u.uuid));
  for (const d of dprs) plan('dataProcessingRegistration', String(d.uuid));
  for (const c of contracts) plan('itContract', String(c.uuid));
  type RecordPlan = {
    kind: 'usages' | 'contracts' | 'dataProcessingRegistrations';
    uuid: string;
    name: string;
    request: Json;
    deferred: Json;
    relations?: Json[];
    /** KITOS's oversight dates (registrations), whose uuids the written dates keep. */
    oversightDates?: Json[];
    systemUuid?: string;
    action: 'create' | 'update' | 'none';
    deferredChanged: boolean;
  };
  const recordPlans: RecordPlan[] = [];
  const relationsOf = async (s: IssueSubject, dto: Json, check: boolean) => {
    const out: Json[] = [];
    for (const [i, r] of ((dto.outgoingSystemRelations as Json[]) ?? []).entries()) {
      const rel: Json = {
        uuid: String(r.uuid).toLowerCase(),
        toUsageUuid: (r.toSystemUsage as Pair | null)?.uuid ?? null,
        interfaceUuid: (r.relationInterface as Pair | null)?.uuid ?? null,
        contractUuid: (r.associatedContract as Pair | null)?.uuid ?? null,
        frequencyUuid: (r.relationFrequency as Pair | null)?.uuid ?? null,
        description: r.description ?? null,
        reference: r.urlReference ?? null,
      };
      if (check) await checkReferences(s, rel, `outgoingSystemRelations[${i}]`);
      if (rel.toUsageUuid) out.push(rel);
    }
    return out;
  };
  const specs = {
    usages: { schema: UpdateItSystemUsageRequest, storeKind: 'itSystemUsage', deferred: ['general.mainContractUuid'] },
    dataProcessingRegistrations: {
      schema: UpdateDprRequest,
      storeKind: 'dataProcessingRegistration',
      deferred: ['general.mainContractUuid'],
    },
    contracts: {
      schema: UpdateContractRequest,
      storeKind: 'itContract',
      // Requiring a valid parent needs the parent, which may be written after the contract.
      deferred: ['parentContractUuid', 'general.validity.requireValidParent'],
    },
  } as const;
  /** Takes the properties at the dotted paths out of a request, into a body of their own. */
  const split = (request: Json, paths: readonly string[]) => {
    const deferred: Json = {};
    for (const p of paths) {
      const keys = p.split('.');
      const last = keys.pop() as string;
      let from: Json | undefined = request;
      let to: Json = deferred;
      for (const k of keys) {
        from = from?.[k] as Json | undefined;
        if (!from || typeof from !== 'object') break;
        to[k] ??= {};
        to = to[k] as Json;
      }
      if (from && typeof from === 'object' && Object.hasOwn(from, last)) {
        to[last] = from[last];
        delete from[last];
      }
    }
    return deferred;
  };
  const outOf = async (kind: RecordPlan['kind'], current: Json) =>
    (kind === 'usages'
      ? await usageOut(names, current as never, today)
      : kind === 'contracts'
        ? await contractOut(names, current as never, today)
        : await dprOut(names, current as never, today)) as unknown as Json;
  const planRecords = async (kind: RecordPlan['kind'], list: Json[]) => {
    const spec = specs[kind];
    for (const read of list) {
      const dto = kind === 'usages' ? usageInNewerShape(read) : read;
      const uuid = String(dto.uuid).toLowerCase();
      const name =
        kind === 'usages' ? String((dto.systemContext as Pair | null)?.name ?? uuid) : String(dto.name ?? uuid);
      const s: IssueSubject = { kind, uuid, name };
      const request = await toRequest(kind, spec.schema as never, dto, s);
      if (kind !== 'usages') request.name ??= dto.name;
      const relations = kind === 'usages' ? await relationsOf(s, dto, true) : undefined;
      const oversightDates = ((dto.oversight as Json | undefined)?.oversightDates as Json[] | undefined) ?? undefined;
      const current = await storedRecord(spec.storeKind, uuid);
      let action: RecordPlan['action'] = 'create';
      let deferredChanged = true;
      if (current) {
        if (current.organizationUuid !== org) {
          issue(s, 'uuid', uuid, 'rejected', `the uuid belongs to another organisation here`);
          counts[kind].rejected++;
          continue;
        }
        const out = await outOf(kind, current);
        const now = await toRequest(kind, spec.schema as never, out, s, true);
        if (kind !== 'usages') now.name ??= out.name;
        const nowRelations = kind === 'usages' ? await relationsOf(s, out, false) : undefined;
        if (kind === 'usages' && (dto.systemContext as Pair).uuid.toLowerCase() !== String(current.systemUuid))
          issue(s, 'systemContext', dto.systemContext, 'not-changeable');
        const nowDeferred = split(now, spec.deferred);
        const deferred = split(request, spec.deferred);
        deferredChanged =
          canonical(nowDeferred) !== canonical(deferred) || canonical(nowRelations) !== canonical(relations);
        const same = canonical(now) === canonical(request);
        action = same ? 'none' : 'update';
        if (same && !deferredChanged) {
          counts[kind].unchanged++;
          continue;
        }
        recordPlans.push({ kind, uuid, name, request, deferred, relations, action, deferredChanged, oversightDates });
        continue;
      }
      const deferred = split(request, spec.deferred);
      recordPlans.push({
        kind,
        uuid,
        name,
        request,
        deferred,
        relations,
        oversightDates,
        systemUuid: kind === 'usages' ? (dto.systemContext as Pair).uuid.toLowerCase() : undefined,
        action,
        deferredChanged,
      });
    }
  };
  await planRecords('usages', usages);
  await planRecords('dataProcessingRegistrations', dprs);
  await planRecords('contracts', contracts);

  // Deletions from the feed: records of this organisation that exist here.
  const deletes: { kind: KitosImportKind; uuid: string; name: string | null }[] = [];
  const fetched = new Set([...usages, ...dprs, ...contracts, ...units].map((r) => String(r.uuid).toLowerCase()));
  const deleteOrder: KitosImportKind[] = ['dataProcessingRegistrations', 'contracts', 'usages', 'units'];
  for (const kind of deleteOrder) {
    for (const d of deletions) {
      if (TRACKED[d.entityType] !== kind) continue;
      const uuid = d.entityUuid.toLowerCase();
      if (fetched.has(uuid) || deletes.some((x) => x.uuid === uuid)) continue;
      const current = await storedRecord(STORE_KIND[kind], uuid);
      if (!current || current.organizationUuid !== org) continue;
      deletes.push({ kind, uuid, name: typeof current.name === 'string' ? current.name : null });
    }
  }

  // ---- Write (one unit of work; rolled back unless applying) ----------------------------------
  const apply = options.apply === true;
  const record = (kind: KitosImportKind, uuid: string, name: string | null, action: KitosImportChange['action']) => {
    changes.push({ kind, uuid, name, action });
    counts[kind][action === 'create' ? 'created' : action === 'update' ? 'changed' : 'deleted']++;
  };
  const refuse = (kind: KitosImportKind, uuid: string, name: string | null, e: unknown) => {
    if (!(e instanceof KitosError)) throw e;
    counts[kind].rejected++;
    issue({ kind, uuid, name }, 'uuid', uuid, 'rejected', e.message.replace(/^\[kitos\] \[[a-z-]+\] /, ''));
  };
  await kitos.unitOfWork(
    actor,
    async (s: UnitOfWorkServices) => {
      let done = 0;
      for (const o of optionActivations) {
        try {
          await s.options.setLocal(actor, { organizationUuid: org, optionUuid: o.uuid, isActive: true });
          record('options', o.uuid, o.name, 'update');
        } catch (e) {
          refuse('options', o.uuid, o.name, e);
        }
      }
      progress({ kind: 'options', phase: 'write', done: optionActivations.length });

      for (const u of unitPlans) {
        try {
          if (!u.current) {
            await s.units.create(actor, {
              ...(u.fields as object),
              uuid: u.uuid,
              organizationUuid: org,
              name: u.name,
              parentUuid: u.parentUuid ?? undefined,
            } as never);
            record('units', u.uuid, u.name, 'create');
          } else {
            const patch: Json = {};
            for (const [k, v] of Object.entries(u.fields)) if (canonical(u.current[k]) !== canonical(v)) patch[k] = v;
            const moved = u.parentUuid !== null && u.current.parentUuid !== u.parentUuid;
            if (Object.keys(patch).length) await s.units.patch(actor, u.uuid, patch as never);
            if (moved) await s.units.move(actor, u.uuid, u.parentUuid as string);
            if (Object.keys(patch).length || moved) record('units', u.uuid, u.name, 'update');
            else counts.units.unchanged++;
          }
        } catch (e) {
          refuse('units', u.uuid, u.name, e);
        }
        progress({ kind: 'units', phase: 'write', done: ++done, total: unitPlans.length });
      }

      done = 0;
      for (const u of userPlans) {
        try {
          let changed = false;
          if (!u.current) {
            await s.users.create(actor, { ...(u.fields as object), uuid: u.uuid } as never);
          } else {
            const patch: Json = {};
            for (const [k, v] of Object.entries(u.fields)) if (canonical(u.current[k]) !== canonical(v)) patch[k] = v;
            if (Object.keys(patch).length) {
              await s.users.patch(actor, u.uuid, patch as never);
              changed = true;
            }
          }
          const has = held.get(u.uuid) ?? new Set<string>();
          for (const role of u.roles)
            if (!has.has(role)) {
              await s.memberships.grant(actor, { userUuid: u.uuid, organizationUuid: org, role });
              changed = true;
            }
          if (!u.current) record('users', u.uuid, u.name, 'create');
          else if (changed) record('users', u.uuid, u.name, 'update');
          else counts.users.unchanged++;
        } catch (e) {
          refuse('users', u.uuid, u.name, e);
        }
        progress({ kind: 'users', phase: 'write', done: ++done, total: userPlans.length });
      }

      // A system KITOS has deactivated is created active and deactivated once its usages are in:
      // the core refuses new usages of a deactivated system, and these usages are not new.
      const deactivateLater = systemPlans.filter((p) => p.fields.deactivated === true);
      for (const p of systemPlans) {
        try {
          const fields = { ...p.fields, deactivated: false };
          await s.systems.create(actor, { ...fields, uuid: p.uuid, organizationUuid: p.owner } as never);
          record('systems', p.uuid, p.name, 'create');
        } catch (e) {
          refuse('systems', p.uuid, p.name, e);
        }
      }
      for (const p of systemPlans)
        if (p.parentUuid)
          await s.systems
            .patch(actor, p.uuid, { parentUuid: p.parentUuid } as never)
            .catch((e) => refuse('systems', p.uuid, p.name, e));
      for (const p of interfacePlans) {
        try {
          await s.interfaces.create(actor, {
            ...(p.fields as object),
            uuid: p.uuid,
            organizationUuid: p.owner,
          } as never);
          record('interfaces', p.uuid, p.name, 'create');
        } catch (e) {
          refuse('interfaces', p.uuid, p.name, e);
        }
      }
      progress({ kind: 'systems', phase: 'write', done: systemPlans.length });

      const services = {
        usages: s.usages,
        contracts: s.contracts,
        dataProcessingRegistrations: s.dataProcessing,
      } as const;
      const patchIn = (kind: RecordPlan['kind'], body: Json, plan?: RecordPlan) =>
        kind === 'usages'
          ? usagePatchIn(body as never)
          : kind === 'contracts'
            ? contractPatchIn(body as never)
            : keepOversightUuids(dprPatchIn(body as never), plan?.oversightDates);
      const failed = new Set<string>();
      for (const kind of ['usages', 'dataProcessingRegistrations', 'contracts'] as const) {
        done = 0;
        const mine = recordPlans.filter((p) => p.kind === kind);
        for (const p of mine) {
          try {
            if (p.action === 'create') {
              await services[kind].create(actor, {
                ...patchIn(kind, p.request, p),
                uuid: p.uuid,
                organizationUuid: org,
                ...(kind === 'usages' ? { systemUuid: p.systemUuid } : {}),
              } as never);
            } else if (p.action === 'update') {
              await services[kind].patch(actor, p.uuid, patchIn(kind, p.request, p) as never);
            }
          } catch (e) {
            failed.add(p.uuid);
            refuse(kind, p.uuid, p.name, e);
          }
          progress({ kind, phase: 'write', done: ++done, total: mine.length });
        }
      }
      // Links that may point to records written after this one: main contracts, relations and parents.
      for (const p of recordPlans) {
        if (failed.has(p.uuid)) continue;
        try {
          if (p.deferredChanged) {
            // A new record needs only the links it has; a changed one gets them all (null clears).
            const links = p.action === 'create' ? withValues(p.deferred) : p.deferred;
            const patch: Json = Object.keys(links).length ? patchIn(p.kind, links) : {};
            if (p.kind === 'usages' && (p.action !== 'create' || (p.relations ?? []).length))
              patch.outgoingSystemRelations = p.relations ?? [];
            if (Object.keys(patch).length) await services[p.kind].patch(actor, p.uuid, patch as never);
          }
          if (p.action !== 'none') record(p.kind, p.uuid, p.name, p.action === 'create' ? 'create' : 'update');
          else if (p.deferredChanged) record(p.kind, p.uuid, p.name, 'update');
        } catch (e) {
          refuse(p.kind, p.uuid, p.name, e);
        }
      }

      for (const p of deactivateLater)
        await s.systems
          .patch(actor, p.uuid, { deactivated: true } as never)
          .catch((e) => refuse('systems', p.uuid, p.name, e));

      for (const d of deletes) {
        try {
          if (d.kind === 'units') await s.units.delete(actor, d.uuid);
          else await services[d.kind as RecordPlan['kind']].delete(actor, d.uuid);
          record(d.kind, d.uuid, d.name, 'delete');
        } catch (e) {
          refuse(d.kind, d.uuid, d.name, e);
        }
      }
      progress({ kind: 'deletions', phase: 'write', done: deletes.length });
    },
    { commit: apply },
  );

  // ---- Watermarks ---------------------------------------------------------------------------
  const changedSince: Record<string, string> = { ...(previous?.changedSince ?? {}) };
  let deletedSince = previous?.deletedSince ?? null;
  for (const [kind, list] of [
    ['usages', usages],
    ['contracts', contracts],
    ['dataProcessingRegistrations', dprs],
  ] as const) {
    for (const r of list) {
      const t = typeof r.lastModified === 'string' && !Number.isNaN(Date.parse(r.lastModified)) ? r.lastModified : null;
      const m = maxTime(changedSince[kind], t);
      if (m) changedSince[kind] = m;
      deletedSince = maxTime(deletedSince, t);
    }
  }
  for (const d of deletions) deletedSince = maxTime(deletedSince, d.occurredAtUtc);
  // An organisation with nothing changeable yet still reads deletions from this run on.
  deletedSince ??= startedAt;
  const state: KitosImportState = { changedSince, deletedSince, importedAt: new Date().toISOString() };
  if (apply) await options.state?.save(key, state);

  return {
    source: key,
    organizationUuid: org,
    applied: apply,
    incremental,
    counts,
    changes,
    issues,
    requests: source.requests,
    retries: source.retried,
    state,
  };
}
