// Overview queries through the facade on the memory adapter, at 1× (one municipality), 10× and
// 100× (the whole country sharing one catalogue): the usage and contract overviews with every derived
// column (validity and reasons, main contract and supplier, deadline engine), filter + sort + page
// of 50 + total. Baseline: a hand-written filter/sort/page over the same organisation's records in
// plain JavaScript, without derived columns — so the ratio is what the query layer costs.
// Also the national queries at 100×: "who uses system X" and "contracts on X ending within 12 months".
import {
  bulkLoad,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  type StorageAdapter,
} from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { generatePortfolio, type SampleData } from './generator/index.js';
import { benchOptions } from './options.js';

const TODAY = '2025-06-15';
const quick = !!process.env.KITOS_BENCH_QUICK;
const SCALES = quick ? [1] : [1, 10, 100];

interface World {
  data: SampleData;
  storage: StorageAdapter;
  kitos: Kitos;
  org: string;
  actor: { userUuid: string };
}

async function world(scale: number): Promise<World> {
  const data = generatePortfolio({ seed: 1, scale, today: TODAY });
  const storage = createMemoryStorage();
  await bulkLoad(storage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
  const kitos = await createKitos({ storage, clock: fixedClock(`${TODAY}T10:00:00Z`) });
  const org = data.info.municipalityUuids[0] as string;
  const member = data.memberships.find((m) => m.organizationUuid === org && m.role === 'User');
  return { data, storage, kitos, org, actor: { userUuid: member?.userUuid ?? '' } };
}

for (const scale of SCALES) {
  const w = await world(scale);
  const usages = w.data.usages.filter((u) => u.organizationUuid === w.org);
  const systemName = new Map(w.data.itSystems.map((s) => [s.uuid, s.name]));
  const collator = new Intl.Collator('da');

  describe(`overview query usages, memory @${scale}x`, () => {
    bench(
      'baseline: hand-written filter + sort + page over the records',
      () => {
        const rows = usages.filter((u) => (u.general.validity.validTo ?? '9999') >= TODAY);
        rows.sort((a, b) => collator.compare(systemName.get(a.systemUuid) ?? '', systemName.get(b.systemUuid) ?? ''));
        rows.slice(0, 50);
      },
      benchOptions,
    );
    bench(
      'kitos.overviews.query (derived columns, filter, sort, page 50, total)',
      async () => {
        await w.kitos.overviews.query(w.actor, 'usages', {
          organizationUuid: w.org,
          filters: [{ column: 'active', op: 'is', value: true }],
          sort: [{ column: 'systemName' }],
          limit: 50,
        });
      },
      benchOptions,
    );
  });

  describe(`overview query contracts, memory @${scale}x`, () => {
    const contracts = w.data.contracts.filter((c) => c.organizationUuid === w.org);
    bench(
      'baseline: hand-written filter + sort + page over the records',
      () => {
        const rows = contracts.filter((c) => (c.general.validity.validTo ?? '9999') >= TODAY);
        rows.sort((a, b) => collator.compare(a.name, b.name));
        rows.slice(0, 50);
      },
      benchOptions,
    );
    bench(
      'kitos.overviews.query (validity, deadline engine, filter, sort, page 50)',
      async () => {
        await w.kitos.overviews.query(w.actor, 'contracts', {
          organizationUuid: w.org,
          filters: [{ column: 'latestNoticeDay', op: 'onOrBefore', date: '2026-06-30' }],
          sort: [{ column: 'latestNoticeDay' }],
          limit: 50,
        });
      },
      benchOptions,
    );
  });

  // A write invalidates the cached rows: the next query recomputes every derived column.
  const admin = { userUuid: w.data.info.globalAdminUuid };
  const target = usages[0]?.uuid ?? '';
  let n = 0;
  describe(`write usage then query the overview (cold rows), memory @${scale}x`, () => {
    bench(
      'baseline: kitos.usages.patch alone',
      async () => {
        await w.kitos.usages.patch(admin, target, { general: { notes: `note ${++n}` } });
      },
      benchOptions,
    );
    bench(
      'kitos.usages.patch + kitos.overviews.query',
      async () => {
        await w.kitos.usages.patch(admin, target, { general: { notes: `note ${++n}` } });
        await w.kitos.overviews.query(w.actor, 'usages', {
          organizationUuid: w.org,
          sort: [{ column: 'systemName' }],
          limit: 50,
        });
      },
      benchOptions,
    );
  });

  describe(`write a usage (audit + change feed), memory @${scale}x`, () => {
    bench(
      'baseline: bare storage update of the same record',
      async () => {
        await w.storage.transaction(async (tx) => {
          const r = await tx.get('itSystemUsage', target);
          if (r)
            await tx.put({ ...r, expectedVersion: r.version, data: { ...(r.data as object), version: r.version + 1 } });
        });
      },
      benchOptions,
    );
    bench(
      'kitos.usages.patch (parse, permissions, rules, version, audit)',
      async () => {
        await w.kitos.usages.patch(admin, target, { general: { notes: `note ${++n}` } });
      },
      benchOptions,
    );
  });

  const system = w.data.usages[0]?.systemUuid ?? '';
  describe(`national who uses system X, memory @${scale}x`, () => {
    bench(
      'baseline: scan of every usage',
      () => {
        new Set(w.data.usages.filter((u) => u.systemUuid === system).map((u) => u.organizationUuid));
      },
      benchOptions,
    );
    bench(
      'kitos.overviews.whoUses',
      async () => {
        await w.kitos.overviews.whoUses(w.actor, system);
      },
      benchOptions,
    );
  });

  describe(`national contracts on X ending within 12 months, memory @${scale}x`, () => {
    const usageUuids = new Set(w.data.usages.filter((u) => u.systemUuid === system).map((u) => u.uuid));
    bench(
      'baseline: scan of every contract',
      () => {
        w.data.contracts.filter(
          (c) =>
            c.systemUsageUuids.some((u) => usageUuids.has(u)) &&
            (c.general.validity.validTo ?? '') >= TODAY &&
            (c.general.validity.validTo ?? '') <= '2026-06-15',
        );
      },
      benchOptions,
    );
    bench(
      'kitos.overviews.contractsEndingAcross',
      async () => {
        await w.kitos.overviews.contractsEndingAcross(w.actor, system, { from: TODAY, to: '2026-06-15' });
      },
      benchOptions,
    );
  });
}
