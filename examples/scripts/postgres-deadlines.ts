// Example 2: a portfolio on PostgreSQL through the facade, and the contracts whose notice deadline
// falls within the next 90 days.
//
//   KITOS_PG_URL=postgres://user:pass@host/db npx tsx examples/scripts/postgres-deadlines.ts
//
// Without KITOS_PG_URL it runs on PGlite (PostgreSQL in WebAssembly) in memory. It works in its own
// PostgreSQL schema (`kitos_example` unless given) and recreates it on every run.
import { fileURLToPath } from 'node:url';
import { addDays, addMonths, createKitos, optionSeedUuid, toIsoDate } from '@os2kitos/core';
import { createPostgresStorage, type PgQueryable } from '@os2kitos/storage-adapters/postgres';

/** One line of the result. */
export interface NoticeLine {
  readonly contract: string;
  readonly supplier: string | null;
  readonly latestNoticeDay: string;
  readonly daysLeft: number;
}

async function connect(url: string | undefined): Promise<{ client: PgQueryable; close(): Promise<void> }> {
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    return { client: pool, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  return { client: db, close: () => db.close() };
}

/** Builds a small portfolio and returns the notice deadlines within 90 days of `today`. */
export async function noticeDeadlinesWithin90Days(
  options: { url?: string; schema?: string; today?: string } = {},
): Promise<NoticeLine[]> {
  const today = options.today ?? toIsoDate(new Date(), 'Europe/Copenhagen');
  const schema = options.schema ?? 'kitos_example';
  const { client, close } = await connect(options.url);
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); // the example's own schema only
    const storage = await createPostgresStorage({ client, schema });
    const kitos = await createKitos({ storage });
    const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@example.dk' });
    const org = await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' });
    const supplier = await kitos.organizations.create(admin, { name: 'Nordlys Data A/S', type: 'Virksomhed' });
    const months = (n: number) => optionSeedUuid('it-contract-notice-period-month-types', String(n));
    // Three contracts: expiring in 4 months with 3 months' notice (deadline in ~1 month), in 8
    // months with 6 months' notice (deadline in ~2 months), and in 2 years (not within 90 days).
    for (const [name, expiresIn, notice] of [
      ['ESDH drift', 4, 3],
      ['Økonomisystem licens', 8, 6],
      ['Lønsystem', 24, 3],
    ] as const) {
      await kitos.contracts.create(admin, {
        organizationUuid: org.uuid,
        name,
        supplier: { organizationUuid: supplier.uuid },
        general: { validity: { validFrom: addMonths(today, -36), validTo: addMonths(today, expiresIn) } },
        termination: { terms: { noticePeriodMonthsUuid: months(notice) } },
      });
    }
    const page = await kitos.overviews.query(admin, 'contracts', {
      organizationUuid: org.uuid,
      filters: [
        { column: 'latestNoticeDay', op: 'onOrAfter', date: today },
        { column: 'latestNoticeDay', op: 'onOrBefore', date: addDays(today, 90) },
      ],
      sort: [{ column: 'latestNoticeDay' }],
    });
    await storage.close();
    return page.rows.map((r) => ({
      contract: String(r.name),
      supplier: typeof r.supplier === 'string' ? r.supplier : null,
      latestNoticeDay: String(r.latestNoticeDay),
      daysLeft: Math.round((Date.parse(String(r.latestNoticeDay)) - Date.parse(today)) / 86_400_000),
    }));
  } finally {
    await close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = await noticeDeadlinesWithin90Days({ url: process.env.KITOS_PG_URL });
  console.log('Kontrakter med opsigelsesfrist inden for 90 dage:');
  for (const l of lines)
    console.log(
      `  ${l.latestNoticeDay}  (om ${l.daysLeft} dage)  ${l.contract} – ${l.supplier ?? 'ukendt leverandør'}`,
    );
}
