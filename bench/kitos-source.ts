/**
 * A stand-in for a running KITOS, for the import tests and benchmark: an HTTP server on 127.0.0.1
 * (port 0) answering KITOS API v2 reads in KITOS's response shapes (`ItSystemUsageResponseDTO`,
 * `ItContractResponseDTO`, `DataProcessingRegistrationResponseDTO`, the organisation, unit, user,
 * option, system and interface DTOs and `TrackingEventResponseDTO` of the deleted-entities feed),
 * built from one generated municipality with the server's v2 mappings. It pages like KITOS
 * (`page` from 0, `pageSize` 1..250, anything else 400), filters `changedSinceGtEq` inclusively and
 * orders by change time then, answers `GetToken` in KITOS's v1 envelope, refuses other tokens with
 * 401, and can be told to fail (429/500 with `Retry-After`), to answer slowly, and to serve edited
 * (bad) records.
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Actor,
  bulkLoad,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  OPTION_TYPE_INFO,
  OPTION_TYPES,
} from '@os2kitos/core';
import { NameLookup } from '../packages/server/src/v2/common.js';
import { dprOut } from '../packages/server/src/v2/data-processing-registrations.mapping.js';
import { contractOut } from '../packages/server/src/v2/it-contracts.mapping.js';
import { itInterfaceOut } from '../packages/server/src/v2/it-interfaces.mapping.js';
import { usageOut } from '../packages/server/src/v2/it-system-usages.mapping.js';
import { itSystemOut } from '../packages/server/src/v2/it-systems.mapping.js';
import { organizationUserOut, unitOut } from '../packages/server/src/v2/organizations.mapping.js';
import { generatePortfolio, type SampleData } from './generator/index.js';

type Json = Record<string, unknown>;

/** The records a KITOS organisation exposes, as DTOs. */
export interface KitosFixture {
  readonly data: SampleData;
  readonly organizationUuid: string;
  readonly units: Json[];
  readonly users: Json[];
  readonly usages: Json[];
  readonly contracts: Json[];
  readonly dataProcessingRegistrations: Json[];
  readonly systems: Map<string, Json>;
  readonly interfaces: Map<string, Json>;
  /** Option-type path → the options available in the organisation. */
  readonly options: Map<string, Json[]>;
  readonly deleted: { occurredAtUtc: string; entityUuid: string; entityType: string }[];
}

/**
 * DTOs of the first municipality of a generated portfolio (scale 1: 600 usages, 300 contracts,
 * 100 registrations), as KITOS would answer them.
 */
export async function buildKitosFixture(seed = 1, today = '2025-06-15'): Promise<KitosFixture> {
  const data = generatePortfolio({ seed, scale: 1, today });
  const storage = createMemoryStorage();
  await bulkLoad(storage, data, { validate: false });
  const kitos: Kitos = await createKitos({ storage, clock: fixedClock(`${today}T10:00:00Z`) });
  const admin: Actor = { userUuid: data.info.globalAdminUuid };
  const org = data.info.municipalityUuids[0] as string;
  const names = new NameLookup(kitos);
  const day = new Date().toISOString().slice(0, 10);
  const mine = <T extends { organizationUuid: string }>(list: readonly T[]) =>
    list.filter((r) => r.organizationUuid === org);
  const roles = new Map<string, string[]>();
  for (const m of data.memberships.filter((x) => x.organizationUuid === org))
    roles.set(m.userUuid, [...(roles.get(m.userUuid) ?? []), m.role]);
  const users = data.users.filter((u) => roles.has(u.uuid));
  const options = new Map<string, Json[]>();
  for (const type of OPTION_TYPES) {
    const path = OPTION_TYPE_INFO[type].apiV2Path;
    if (!path) continue;
    const list = await kitos.options.available(admin, type, org);
    options.set(
      path,
      list.map((o) => ({ description: o.description ?? null, uuid: o.uuid.toLowerCase(), name: o.name })),
    );
  }
  const usages = mine(data.usages);
  const systems = new Map<string, Json>();
  const interfaces = new Map<string, Json>();
  const systemByUuid = new Map(data.itSystems.map((s) => [s.uuid, s]));
  const addSystem = async (uuid: string | null) => {
    const s = uuid ? systemByUuid.get(uuid) : undefined;
    if (!s || systems.has(s.uuid.toLowerCase())) return;
    systems.set(s.uuid.toLowerCase(), (await itSystemOut(kitos, admin, names, s)) as unknown as Json);
    await addSystem(s.parentUuid);
  };
  for (const u of usages) await addSystem(u.systemUuid);
  for (const i of data.itInterfaces) {
    interfaces.set(i.uuid.toLowerCase(), (await itInterfaceOut(names, i)) as unknown as Json);
    await addSystem(i.exposedBySystemUuid);
  }
  // KITOS's change times differ from record to record; the generator stamps all alike. One minute
  // apart, in list order, so `changedSinceGtEq` has something to tell apart.
  const stamped = (list: Json[], offsetMinutes: number) => {
    const base = Date.parse(`${today}T08:00:00Z`) + offsetMinutes * 60_000;
    list.forEach((r, i) => {
      r.lastModified = new Date(base + i * 60_000).toISOString().replace(/\.000Z$/, 'Z');
    });
    return list;
  };
  return {
    data,
    organizationUuid: org,
    units: await Promise.all(mine(data.units).map((u) => unitOut(names, u) as Promise<Json>)),
    users: users.map((u) => organizationUserOut(u, roles.get(u.uuid) as never) as unknown as Json),
    usages: stamped(
      await Promise.all(usages.map((u) => usageOut(names, u, day) as Promise<unknown> as Promise<Json>)),
      0,
    ),
    contracts: stamped(
      await Promise.all(
        mine(data.contracts).map((c) => contractOut(names, c, day) as Promise<unknown> as Promise<Json>),
      ),
      1000,
    ),
    dataProcessingRegistrations: stamped(
      await Promise.all(
        mine(data.dataProcessingRegistrations).map((d) => dprOut(names, d, day) as Promise<unknown> as Promise<Json>),
      ),
      2000,
    ),
    systems,
    interfaces,
    options,
    deleted: [],
  };
}

/**
 * A smaller copy of a fixture: the first `usages` usages, and the contracts and registrations that
 * name only those (a contract's parent kept too), with relations and main contracts to records left
 * out removed, so the copy is whole.
 */
export function trimFixture(fixture: KitosFixture, usages: number): KitosFixture {
  const copy = structuredClone({ ...fixture, data: undefined }) as unknown as KitosFixture;
  const pairUuid = (v: unknown) => (v as { uuid?: string } | null)?.uuid;
  const keptUsages = copy.usages.slice(0, usages);
  const u = new Set(keptUsages.map((x) => x.uuid as string));
  let contracts = copy.contracts.filter((c) => (c.systemUsages as Json[]).every((x) => u.has(x.uuid as string)));
  for (;;) {
    const ids = new Set(contracts.map((c) => c.uuid as string));
    const next = contracts.filter((c) => !pairUuid(c.parentContract) || ids.has(pairUuid(c.parentContract) as string));
    if (next.length === contracts.length) break;
    contracts = next;
  }
  const c = new Set(contracts.map((x) => x.uuid as string));
  const dprs = copy.dataProcessingRegistrations.filter((d) =>
    (d.systemUsages as Json[]).every((x) => u.has(x.uuid as string)),
  );
  const d = new Set(dprs.map((x) => x.uuid as string));
  for (const x of contracts)
    x.dataProcessingRegistrations = (x.dataProcessingRegistrations as Json[]).filter((r) => d.has(r.uuid as string));
  for (const x of dprs) {
    const g = x.general as Json;
    g.associatedContracts = (g.associatedContracts as Json[]).filter((r) => c.has(r.uuid as string));
    if (pairUuid(g.mainContract) && !c.has(pairUuid(g.mainContract) as string)) g.mainContract = null;
  }
  for (const x of keptUsages) {
    const g = x.general as Json;
    if (pairUuid(g.mainContract) && !c.has(pairUuid(g.mainContract) as string)) g.mainContract = null;
    x.outgoingSystemRelations = (x.outgoingSystemRelations as Json[])
      .filter((r) => u.has(pairUuid(r.toSystemUsage) as string))
      .map((r) =>
        pairUuid(r.associatedContract) && !c.has(pairUuid(r.associatedContract) as string)
          ? { ...r, associatedContract: null }
          : r,
      );
  }
  return { ...copy, data: fixture.data, usages: keptUsages, contracts, dataProcessingRegistrations: dprs };
}

/**
 * A copy of a fixture in the shapes of KITOS's published response DTOs
 * (`Presentation.Web/Models/API/V2/Response/` in os2kitos/kitos): a usage's purpose, business
 * criticality and hosting under `gdpr`, its `general` and validity without the newer properties, a
 * contract's supplier with organisation and signature only, a registration's validity as one flag.
 */
export function inPublishedShapes(fixture: KitosFixture): KitosFixture {
  const copy = structuredClone({ ...fixture, data: undefined }) as unknown as KitosFixture;
  const keep = (o: Json, keys: readonly string[]) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) delete o[k];
  };
  for (const u of copy.usages) {
    const g = u.general as Json;
    const gdpr = u.gdpr as Json;
    u.gdpr = { purpose: g.purpose, businessCritical: g.isBusinessCritical, hostedAt: g.hostedAt, ...gdpr };
    delete (u.gdpr as Json).processingPurpose;
    delete (u.gdpr as Json).isDataProcessingAgreementRequired;
    keep(g, [
      'localSystemId',
      'localCallName',
      'dataClassification',
      'notes',
      'systemVersion',
      'numberOfExpectedUsers',
      'validity',
      'mainContract',
      'containsAITechnology',
      'webAccessibilityCompliance',
      'lastWebAccessibilityCheck',
      'webAccessibilityNotes',
    ]);
    keep(g.validity as Json, ['valid', 'validAccordingToValidityPeriod', 'lifeCycleStatus', 'validFrom', 'validTo']);
    delete u.createdAt;
  }
  for (const c of copy.contracts) keep(c.supplier as Json, ['organization', 'signed', 'signedBy', 'signedAt']);
  for (const d of copy.dataProcessingRegistrations) delete (d.general as Json).validity;
  return { ...copy, data: fixture.data };
}

/** What the stand-in KITOS does, changeable while it runs. */
export interface FakeKitosControl {
  readonly url: string;
  readonly token: string;
  readonly fixture: KitosFixture;
  /** Requests answered so far, as `METHOD path?query`. */
  readonly log: string[];
  /** Statuses to answer (in order) before answering normally, per path prefix. */
  readonly failures: Map<string, number[]>;
  /** Milliseconds to wait before answering, per path prefix. */
  readonly delays: Map<string, number>;
  /** Changes a record (by reference) and gives it a new `lastModified`. */
  touch(record: Json, at: string, change?: (r: Json) => void): void;
  /** Removes a record from its list and puts it in the deleted-entities feed. */
  remove(kind: 'usages' | 'contracts' | 'dataProcessingRegistrations' | 'units', uuid: string, at: string): void;
  close(): Promise<void>;
}

const ENTITY_TYPE = {
  usages: 'ItSystemUsage',
  contracts: 'ItContract',
  dataProcessingRegistrations: 'DataProcessingRegistration',
  units: 'OrganizationUnit',
} as const;

/** Starts the stand-in KITOS on 127.0.0.1, port 0. */
export async function startFakeKitos(
  fixture: KitosFixture,
  credentials = { email: 'api@kommune.example', password: 'kodeord' },
): Promise<FakeKitosControl> {
  const token = 'fake-kitos-token';
  const log: string[] = [];
  const failures = new Map<string, number[]>();
  const delays = new Map<string, number>();
  const org = fixture.organizationUuid.toLowerCase();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '');
    log.push(`${req.method} ${path}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const answer = () => {
      for (const [prefix, statuses] of failures) {
        if (path.startsWith(prefix) && statuses.length) {
          const status = statuses.shift() as number;
          return send(status, { message: 'try again' }, status === 429 ? { 'retry-after': '1' } : {});
        }
      }
      if (req.method === 'POST' && path === '/api/authorize/GetToken') {
        let raw = '';
        req.on('data', (c) => {
          raw += c;
        });
        req.on('end', () => {
          const body = JSON.parse(raw || '{}') as { email?: string; password?: string };
          if (body.email === credentials.email && body.password === credentials.password)
            send(200, {
              msg: '',
              response: { token, email: body.email, loginSuccessful: true, expires: '2099-01-01T00:00:00Z' },
            });
          else send(401, { msg: 'Unauthorized', response: {} });
        });
        return;
      }
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Unauthorized' });
      const page = Number(url.searchParams.get('page') ?? 0);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 250);
      if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 250)
        return send(400, { message: 'page must be >= 0 and pageSize 1..250' });
      const paged = (items: readonly unknown[]) => send(200, items.slice(page * pageSize, (page + 1) * pageSize));
      const since = url.searchParams.get('changedSinceGtEq');
      const delta = (items: readonly Json[]) => {
        if (url.searchParams.get('organizationUuid')?.toLowerCase() !== org) return paged([]);
        if (!since) return paged(items);
        const t = Date.parse(since);
        return paged(
          items
            .filter((r) => Date.parse(String(r.lastModified)) >= t)
            .sort(
              (a, b) =>
                Date.parse(String(a.lastModified)) - Date.parse(String(b.lastModified)) ||
                String(a.uuid).localeCompare(String(b.uuid)),
            ),
        );
      };
      if (path === `/api/v2/organizations/${org}`)
        return send(200, { uuid: org, name: 'Kommune', cvr: null, organizationType: 'Municipality' });
      if (path === `/api/v2/organizations/${org}/organization-units`) return paged(fixture.units);
      if (path === `/api/v2/organizations/${org}/users`) return paged(fixture.users);
      if (path === '/api/v2/it-system-usages') return delta(fixture.usages);
      if (path === '/api/v2/it-contracts') return delta(fixture.contracts);
      if (path === '/api/v2/data-processing-registrations') return delta(fixture.dataProcessingRegistrations);
      if (path === '/api/v2/delta-feed/deleted-entities') {
        const t = Date.parse(url.searchParams.get('deletedSinceUTC') ?? '1970-01-01T00:00:00Z');
        return paged(fixture.deleted.filter((d) => Date.parse(d.occurredAtUtc) >= t));
      }
      const system = path.match(/^\/api\/v2\/it-systems\/([0-9a-f-]{36})$/);
      if (system) {
        const s = fixture.systems.get(system[1] as string);
        return s ? send(200, s) : send(404, { message: 'Not found' });
      }
      const iface = path.match(/^\/api\/v2\/it-interfaces\/([0-9a-f-]{36})$/);
      if (iface) {
        const i = fixture.interfaces.get(iface[1] as string);
        return i ? send(200, i) : send(404, { message: 'Not found' });
      }
      const option = fixture.options.get(path.replace(/^\/api\/v2\//, ''));
      if (option) return paged(url.searchParams.get('organizationUuid')?.toLowerCase() === org ? option : []);
      return send(404, { message: `no route ${path}` });
    };
    const delay = [...delays].find(([prefix]) => path.startsWith(prefix))?.[1];
    if (delay) setTimeout(answer, delay);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    fixture,
    log,
    failures,
    delays,
    touch(record, at, change) {
      change?.(record);
      record.lastModified = at;
    },
    remove(kind, uuid, at) {
      const list = fixture[kind] as Json[];
      const i = list.findIndex((r) => r.uuid === uuid);
      if (i >= 0) list.splice(i, 1);
      fixture.deleted.push({ occurredAtUtc: at, entityUuid: uuid, entityType: ENTITY_TYPE[kind] });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
