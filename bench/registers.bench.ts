// The GDPR register and the data quality summary of one municipality (600 usages, 300 contracts,
// 100 data processing registrations of the sample generator, scale 1), on the memory adapter.
// - "compute": `gdprRegister` over a loaded read context — the register's own work (each usage with
//   its registrations, option and organisation names, and the data quality checks for what needs
//   attention). Budget (issue 18): ≤ 100 ms for 600 usages.
// - "facade": `kitos.gdpr.register` / `kitos.quality.summary` as a widget calls them, warm (nothing
//   written since the last read) and cold (after a usage write, so the rows and context are brought
//   up to date first).
// Baseline, same run: a hand-written loop over the same records joining registrations by usage and
// copying the register's raw fields into plain objects (no names, no words, no checks).
//
//   npx vitest bench --run --config bench/vitest.bench.config.ts bench/registers.bench.ts
import {
  bulkLoad,
  createKitos,
  createMemoryStorage,
  fixedClock,
  gdprRegister,
  type Kitos,
  readContext,
  type ReadRecords,
} from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { generatePortfolio } from './generator/index.js';
import { benchOptions } from './options.js';

const TODAY = '2025-06-15';
const data = generatePortfolio({ seed: 1, scale: 1, today: TODAY });
const org = data.info.municipalityUuids[0] as string;
const storage = createMemoryStorage();
await bulkLoad(storage, data, { now: `${TODAY}T08:00:00.000Z`, validate: false });
const kitos: Kitos = await createKitos({ storage, clock: fixedClock(`${TODAY}T10:00:00Z`) });
const member = data.memberships.find((m) => m.organizationUuid === org && m.role === 'User');
const actor = { userUuid: member?.userUuid ?? '' };
const admin = { userUuid: data.info.globalAdminUuid };

const usages = data.usages.filter((u) => u.organizationUuid === org);
const registrations = data.dataProcessingRegistrations.filter((d) => d.organizationUuid === org);
const records: ReadRecords = {
  today: TODAY,
  organizationUuid: org,
  units: data.units.filter((u) => u.organizationUuid === org),
  contracts: data.contracts.filter((c) => c.organizationUuid === org),
  usages,
  registrations,
  systems: data.itSystems,
  organizations: data.organizations,
  users: data.users,
  options: data.options,
  kle: data.kleTasks,
};
const ctx = readContext(records);
const sample = gdprRegister(ctx.usages, ctx, { unit: null });
console.log(
  `[bench] register of ${usages.length} usages: ${sample.total} entries, ${sample.needingAttention} need attention`,
);

/** The baseline: the raw fields of each usage and its registrations, joined by a Map. */
/** Keeps each result, so the work is not optimised away. */
const kept: unknown[] = [];

function handWritten(): void {
  const byUsage = new Map<string, (typeof registrations)[number][]>();
  for (const d of registrations)
    for (const u of d.systemUsageUuids) {
      const list = byUsage.get(u);
      if (list) list.push(d);
      else byUsage.set(u, [d]);
    }
  kept[0] = usages.map((u) => {
    const regs = byUsage.get(u.uuid) ?? [];
    return {
      uuid: u.uuid,
      purpose: u.gdpr.purpose,
      levels: u.gdpr.dataSensitivityLevels,
      dpia: u.gdpr.dpiaConducted,
      risk: u.gdpr.riskAssessmentConductedDate,
      planned: u.gdpr.plannedRiskAssessmentDate,
      processors: regs.flatMap((d) => d.general.dataProcessorUuids),
      transfers: regs.map((d) => d.general.transferToInsecureThirdCountries),
      oversight: regs.map((d) => d.oversight.oversightInterval),
    };
  });
}

let n = 0;
const write = () => kitos.usages.patch(admin, usages[0]!.uuid, { general: { notes: `bench ${++n}` } });

describe('gdpr register compute, 600 usages, memory @1x', () => {
  bench('baseline: hand-written join of the raw fields', handWritten, benchOptions);
  bench(
    'gdprRegister (names, words, needs-attention checks)',
    () => {
      kept[0] = gdprRegister(ctx.usages, ctx, { unit: null });
    },
    benchOptions,
  );
});

describe('gdpr register through the facade, memory @1x', () => {
  bench('baseline: hand-written join of the raw fields', handWritten, benchOptions);
  bench(
    'kitos.gdpr.register, warm',
    async () => {
      kept[0] = await kitos.gdpr.register(actor, { organizationUuid: org });
    },
    benchOptions,
  );
  bench(
    'kitos.gdpr.register, cold (after a usage write)',
    async () => {
      await write();
      kept[0] = await kitos.gdpr.register(actor, { organizationUuid: org });
    },
    benchOptions,
  );
});

describe('data quality summary through the facade, memory @1x', () => {
  bench(
    'baseline: hand-written count of empty responsible units',
    () => {
      kept[0] = usages.filter((u) => !u.organizationUsage.responsibleUnitUuid).length;
    },
    benchOptions,
  );
  bench(
    'kitos.quality.summary (3 kinds, 10 worst explained), warm',
    async () => {
      kept[0] = await kitos.quality.summary(actor, { organizationUuid: org });
    },
    benchOptions,
  );
});
