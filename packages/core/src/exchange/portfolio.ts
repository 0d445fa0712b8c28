/**
 * Export and import of a whole organisation's portfolio in the exchange format of
 * `portfolio.schema`. Import is all or nothing and always creates new records with new uuids (so
 * a portfolio can be copied into another organisation of the same store); the report maps every
 * old uuid to its new one.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { Kitos, UnitOfWorkServices } from '../kitos.js';
import { listAll } from '../engine/service.js';
import { KitosError, KitosValidationError } from '../shared/errors.js';
import { type ImportIssue, importIssue } from './issues.js';
import {
  PORTFOLIO_FORMAT,
  PORTFOLIO_RECORD_LISTS,
  PORTFOLIO_UUID_FIELDS,
  PORTFOLIO_VERSION,
  type PortfolioDocument,
  PortfolioDocumentSchema,
  type PortfolioRecordList,
} from './portfolio.schema.js';
import { unitOfWork } from './unit-of-work.js';

type Writable = 'units' | 'usages' | 'contracts' | 'dataProcessing' | 'projects';
/**
 * The input a service's create takes. The document's records passed the portfolio schema, whose
 * stored shape the create schemas accept; the services parse them again, so the type only names
 * what is passed on.
 */
type CreateInput<K extends Writable> = Parameters<Kitos[K]['create']>[1];
/** The input a service's patch takes (see {@link CreateInput}). */
type PatchInput<K extends Writable> = Parameters<Kitos[K]['patch']>[2];

const META = ['version', 'createdAt', 'createdBy', 'lastChanged', 'lastChangedBy', 'organizationUuid'] as const;

function strip<T extends object>(entity: T): Omit<T, (typeof META)[number]> {
  const copy = { ...entity } as Record<string, unknown>;
  for (const k of META) delete copy[k];
  return copy as Omit<T, (typeof META)[number]>;
}

const byUuid = <T extends { uuid: string }>(a: T, b: T) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/**
 * Exports an organisation's units, usages (with relations), contracts, data processing
 * registrations and projects, plus references to the catalogue systems and interfaces they use.
 *
 * @example
 * ```ts
 * import { exportPortfolio } from '@os2kitos/core';
 * const doc = await exportPortfolio(kitos, actor, organizationUuid);
 * await writeFile('portfolio.json', JSON.stringify(doc, null, 2));
 * ```
 */
export async function exportPortfolio(
  kitos: Kitos,
  actor: Actor,
  organizationUuid: string,
): Promise<PortfolioDocument> {
  const query = { organizationUuid };
  // Every record, not the first page of each list (one `list` call returns one page).
  const [organization, units, usages, contracts, dprs, projects, systems, interfaces] = await Promise.all([
    kitos.organizations.get(actor, organizationUuid),
    listAll((q) => kitos.units.list(actor, q), query),
    listAll((q) => kitos.usages.list(actor, q), query),
    listAll((q) => kitos.contracts.list(actor, q), query),
    listAll((q) => kitos.dataProcessing.list(actor, q), query),
    listAll((q) => kitos.projects.list(actor, q), query).then((p) =>
      p.filter((x) => x.organizationUuid === organizationUuid),
    ),
    listAll((q) => kitos.systems.list(actor, q)),
    listAll((q) => kitos.interfaces.list(actor, q)),
  ]);
  const systemUuids = new Set(usages.map((u) => u.systemUuid));
  const interfaceUuids = new Set(
    usages.flatMap((u) => u.outgoingSystemRelations.flatMap((r) => (r.interfaceUuid ? [r.interfaceUuid] : []))),
  );
  const ref = (x: { uuid: string; name: string }) => ({ uuid: x.uuid, name: x.name });
  return {
    format: PORTFOLIO_FORMAT,
    version: PORTFOLIO_VERSION,
    exportedAt: new Date().toISOString(),
    organization: {
      uuid: organization.uuid,
      name: organization.name,
      cvr: organization.cvr ?? null,
      type: organization.type,
    },
    units: units.map(strip).sort(byUuid),
    catalogueReferences: {
      systems: systems
        .filter((s) => systemUuids.has(s.uuid))
        .map(ref)
        .sort(byUuid),
      interfaces: interfaces
        .filter((i) => interfaceUuids.has(i.uuid))
        .map(ref)
        .sort(byUuid),
    },
    usages: usages.map(strip).sort(byUuid),
    contracts: contracts.map(strip).sort(byUuid),
    dataProcessingRegistrations: dprs.map(strip).sort(byUuid),
    projects: projects.map(strip).sort(byUuid),
  } as PortfolioDocument;
}

/**
 * Options of {@link importPortfolio}.
 *
 * @example
 * ```ts
 * await importPortfolio(kitos, actor, doc, { targetOrganizationUuid: emptyOrg, dryRun: true } satisfies PortfolioImportOptions);
 * ```
 */
export interface PortfolioImportOptions {
  /** Where to import (default: the document's organisation). It must have no portfolio yet. */
  readonly targetOrganizationUuid?: string;
  /** Validate and rehearse, store nothing. */
  readonly dryRun?: boolean;
}

/**
 * Result of {@link importPortfolio}.
 *
 * @example
 * ```ts
 * const report: PortfolioImportReport = await importPortfolio(kitos, actor, doc);
 * report.counts.usages; // records created
 * ```
 */
export interface PortfolioImportReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly written: boolean;
  readonly counts: Readonly<
    Record<'units' | 'usages' | 'contracts' | 'dataProcessingRegistrations' | 'projects', number>
  >;
  /** Old uuid → new uuid of every imported record (empty when refused). */
  readonly uuidMap: Readonly<Record<string, string>>;
  readonly issues: readonly ImportIssue[];
}

/** Old uuid (lower case) → new uuid, per record list. */
type UuidMaps = ReadonlyMap<PortfolioRecordList, Map<string, string>>;

const isRecordList = (target: string): target is PortfolioRecordList =>
  (PORTFOLIO_RECORD_LISTS as readonly string[]).includes(target);

/** Applies `rewrite` to the string(s) at `path` (`*` = every item of a list), in place. */
function rewriteAt(node: unknown, path: readonly string[], rewrite: (uuid: string) => string): void {
  const [head, ...rest] = path;
  if (head === undefined || node === null || typeof node !== 'object') return;
  if (head === '*') {
    if (!Array.isArray(node)) return;
    node.forEach((item, i) => {
      if (rest.length > 0) rewriteAt(item, rest, rewrite);
      else if (typeof item === 'string') node[i] = rewrite(item);
    });
    return;
  }
  if (!Object.hasOwn(node, head)) return;
  const record = node as Record<string, unknown>;
  const value = record[head];
  if (rest.length > 0) rewriteAt(value, rest, rewrite);
  else if (typeof value === 'string') record[head] = rewrite(value);
}

/**
 * A copy of (part of) a record of `list` whose references to records of the document point at the
 * records created from them. Only the fields {@link PORTFOLIO_UUID_FIELDS} lists as references are
 * touched: a name or note that happens to equal some record's uuid is text and stays as written.
 * A reference to a record the document does not hold (or not yet created) is kept.
 */
function remapReferences<T>(list: PortfolioRecordList, record: T, maps: UuidMaps): T {
  const copy = structuredClone(record);
  for (const [path, target] of PORTFOLIO_UUID_FIELDS[list]) {
    if (!isRecordList(target)) continue;
    const map = maps.get(target);
    if (map) rewriteAt(copy, path.split('.'), (uuid) => map.get(uuid.toLowerCase()) ?? uuid);
  }
  return copy;
}

/**
 * Every record uuid that appears a second time, within a list or across lists (uuids are global
 * keys, and references would be ambiguous), as an issue naming both places.
 */
function duplicateUuids(doc: PortfolioDocument): ImportIssue[] {
  const first = new Map<string, string>();
  const issues: ImportIssue[] = [];
  for (const list of PORTFOLIO_RECORD_LISTS) {
    doc[list].forEach((record, i) => {
      const path = `${list}.${i}.uuid`;
      const key = record.uuid.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, path);
      else
        issues.push(
          importIssue(
            'duplicate-in-file',
            { sheet: 'JSON', column: path, value: record.uuid },
            `UUID'et bruges også af ${earlier}; hver post skal have sit eget UUID`,
            `the uuid is also used by ${earlier}; every record needs a uuid of its own`,
          ),
        );
    });
  }
  return issues;
}

/** Orders records so a parent comes before its children (records whose parent is missing go first). */
function parentsFirst<T extends { uuid: string }>(items: readonly T[], parentOf: (t: T) => string | null): T[] {
  const ids = new Set(items.map((i) => i.uuid));
  const out: T[] = [];
  const done = new Set<string>();
  let pending = [...items];
  while (pending.length > 0) {
    const ready = pending.filter((i) => {
      const p = parentOf(i);
      return !p || !ids.has(p) || done.has(p);
    });
    if (ready.length === 0) return [...out, ...pending]; // a cycle: the services refuse it
    for (const r of ready) {
      out.push(r);
      done.add(r.uuid);
    }
    pending = pending.filter((i) => !done.has(i.uuid));
  }
  return out;
}

const EMPTY_COUNTS = { units: 0, usages: 0, contracts: 0, dataProcessingRegistrations: 0, projects: 0 };

function refused(dryRun: boolean, issues: readonly ImportIssue[]): PortfolioImportReport {
  return { ok: false, dryRun, written: false, counts: EMPTY_COUNTS, uuidMap: {}, issues };
}

class StepError extends Error {
  constructor(
    readonly where: string,
    readonly error: unknown,
  ) {
    super(where);
  }
}

async function step<R>(where: string, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (e) {
    throw new StepError(where, e);
  }
}

async function checkTarget(
  s: UnitOfWorkServices,
  actor: Actor,
  org: string,
  doc: PortfolioDocument,
): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  const at = (row: string) => ({ sheet: 'JSON', column: row });
  const query = { organizationUuid: org, limit: 1 };
  const [units, usages, contracts, dprs, projects] = await Promise.all([
    s.units.list(actor, query),
    s.usages.list(actor, query),
    s.contracts.list(actor, query),
    s.dataProcessing.list(actor, query),
    s.projects.list(actor, query),
  ]);
  if (units.total + usages.total + contracts.total + dprs.total + projects.total > 0) {
    issues.push(
      importIssue(
        'duplicate-in-store',
        at('organization'),
        'målorganisationen har allerede data; importér i en tom organisation',
        'the target organisation already has data; import into an empty organisation',
      ),
    );
  }
  const systems = new Set((await listAll((q) => s.systems.list(actor, q))).map((x) => x.uuid));
  doc.catalogueReferences.systems.forEach((ref, i) => {
    if (!systems.has(ref.uuid))
      issues.push(
        importIssue(
          'unknown-reference',
          { ...at(`catalogueReferences.systems.${i}`), value: ref.name },
          `IT-systemet "${ref.name}" findes ikke i kataloget`,
          `the IT system "${ref.name}" is not in the catalogue`,
        ),
      );
  });
  const known = new Set(doc.catalogueReferences.systems.map((r) => r.uuid));
  doc.usages.forEach((u, i) => {
    if (!known.has(u.systemUuid))
      issues.push(
        importIssue(
          'invalid-document',
          { ...at(`usages.${i}.systemUuid`), value: u.systemUuid },
          'systemet mangler i catalogueReferences',
          'the system is missing from catalogueReferences',
        ),
      );
  });
  return issues;
}

/**
 * Imports a portfolio document into an empty organisation, all or nothing, with new uuids. The
 * document is parsed with {@link PortfolioDocumentSchema}; a uuid used by two records is refused;
 * references to the catalogue must resolve; every record then goes through its service's checks
 * inside one transaction. References between the records are rewritten field by field as
 * {@link PORTFOLIO_UUID_FIELDS} lists them; text is never rewritten. Problems are returned in the
 * report (with the JSON path in `column`), never thrown.
 *
 * @example
 * ```ts
 * import { importPortfolio } from '@os2kitos/core';
 * const report = await importPortfolio(kitos, actor, JSON.parse(text), { targetOrganizationUuid: emptyOrg });
 * report.uuidMap[oldUsageUuid]; // the new usage's uuid
 * ```
 */
export async function importPortfolio(
  kitos: Kitos,
  actor: Actor,
  document: unknown,
  options: PortfolioImportOptions = {},
): Promise<PortfolioImportReport> {
  const dryRun = options.dryRun ?? false;
  const parsed = PortfolioDocumentSchema.safeParse(document);
  if (!parsed.success) {
    return refused(
      dryRun,
      parsed.error.issues
        .slice(0, 200)
        .map((i) =>
          importIssue(
            'invalid-document',
            { sheet: 'JSON', column: i.path.join('.') || null },
            `ugyldigt dokument: ${i.message}`,
            `invalid document: ${i.message}`,
          ),
        ),
    );
  }
  const doc = parsed.data;
  const duplicates = duplicateUuids(doc);
  if (duplicates.length > 0) return refused(dryRun, duplicates);
  const org = options.targetOrganizationUuid ?? doc.organization.uuid;
  try {
    return await unitOfWork(kitos, actor, async (s) => {
      const problems = await checkTarget(s, actor, org, doc);
      if (problems.length > 0) return { commit: false, result: refused(dryRun, problems) };
      const maps = new Map(PORTFOLIO_RECORD_LISTS.map((list) => [list, new Map<string, string>()]));
      const uuidMap = new Map<string, string>();
      const created = (list: PortfolioRecordList, old: string, uuid: string) => {
        maps.get(list)?.set(old.toLowerCase(), uuid);
        uuidMap.set(old, uuid);
      };
      const counts = { ...EMPTY_COUNTS };
      for (const [i, u] of parentsFirst(doc.units, (x) => x.parentUuid).entries()) {
        const { uuid, ...fields } = remapReferences('units', u, maps);
        const unit = await step(`units.${i}`, () =>
          s.units.create(actor, { ...fields, organizationUuid: org } as CreateInput<'units'>),
        );
        created('units', u.uuid, unit.uuid);
        counts.units++;
      }
      for (const [i, u] of doc.usages.entries()) {
        const { uuid, outgoingSystemRelations, ...fields } = remapReferences('usages', u, maps);
        const general = { ...fields.general, mainContractUuid: null };
        const usage = await step(`usages.${i}`, () =>
          s.usages.create(actor, { ...fields, general, organizationUuid: org } as CreateInput<'usages'>),
        );
        created('usages', u.uuid, usage.uuid);
        counts.usages++;
      }
      for (const [i, c] of parentsFirst(doc.contracts, (x) => x.parentContractUuid).entries()) {
        const { uuid, ...fields } = remapReferences('contracts', c, maps);
        const input = { ...fields, dataProcessingRegistrationUuids: [], organizationUuid: org };
        const contract = await step(`contracts.${i}`, () =>
          s.contracts.create(actor, input as CreateInput<'contracts'>),
        );
        created('contracts', c.uuid, contract.uuid);
        counts.contracts++;
      }
      for (const [i, d] of doc.dataProcessingRegistrations.entries()) {
        const { uuid, ...fields } = remapReferences('dataProcessingRegistrations', d, maps);
        const dpr = await step(`dataProcessingRegistrations.${i}`, () =>
          s.dataProcessing.create(actor, { ...fields, organizationUuid: org } as CreateInput<'dataProcessing'>),
        );
        created('dataProcessingRegistrations', d.uuid, dpr.uuid);
        counts.dataProcessingRegistrations++;
      }
      // Links that point forward, now that every record they point at exists.
      for (const [i, c] of doc.contracts.entries()) {
        if (c.dataProcessingRegistrationUuids.length === 0) continue;
        const patch = remapReferences(
          'contracts',
          { dataProcessingRegistrationUuids: c.dataProcessingRegistrationUuids },
          maps,
        );
        await step(`contracts.${i}`, () => s.contracts.patch(actor, uuidMap.get(c.uuid) as string, patch));
      }
      for (const [i, u] of doc.usages.entries()) {
        if (u.outgoingSystemRelations.length === 0 && !u.general.mainContractUuid) continue;
        const patch = remapReferences(
          'usages',
          {
            outgoingSystemRelations: u.outgoingSystemRelations,
            general: { mainContractUuid: u.general.mainContractUuid },
          },
          maps,
        );
        await step(`usages.${i}`, () =>
          s.usages.patch(actor, uuidMap.get(u.uuid) as string, patch as PatchInput<'usages'>),
        );
      }
      for (const [i, p] of parentsFirst(doc.projects, (x) => x.parentProjectUuid).entries()) {
        const { uuid, ...fields } = remapReferences('projects', p, maps);
        const project = await step(`projects.${i}`, () =>
          s.projects.create(actor, { ...fields, organizationUuid: org } as CreateInput<'projects'>),
        );
        created('projects', p.uuid, project.uuid);
        counts.projects++;
      }
      const report: PortfolioImportReport = {
        ok: true,
        dryRun,
        written: !dryRun,
        counts,
        uuidMap: Object.fromEntries(uuidMap),
        issues: [],
      };
      return { commit: !dryRun, result: report };
    });
  } catch (e) {
    const where = e instanceof StepError ? e.where : null;
    const error = e instanceof StepError ? e.error : e;
    if (error instanceof KitosValidationError) {
      return refused(
        dryRun,
        error.issues.map((i) =>
          importIssue(
            'invalid-value',
            { sheet: 'JSON', column: [where, ...i.path].filter((x) => x !== null).join('.') },
            `afvist: ${i.message}`,
            `refused: ${i.message}`,
          ),
        ),
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof KitosError && error.code === 'forbidden' ? 'forbidden' : 'write-failed';
    return refused(dryRun, [
      importIssue(
        code,
        { sheet: 'JSON', column: where },
        `importen blev afbrudt: ${message}`,
        `the import was stopped: ${message}`,
      ),
    ]);
  }
}
