import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  KitosForbiddenError,
  KitosValidationError,
  optionSeedUuid,
} from '../src/index.js';

let kitos: Kitos;
let admin: Actor;
let org: string;
let other: string;
let contractAdmin: Actor;
let member: Actor;
let outsider: Actor;
let contract: string;

const owner = optionSeedUuid('it-contract-role-types', 'Kontraktejer');
const systemOwner = optionSeedUuid('it-system-usage-role-types', 'Systemejer');

async function person(email: string, organizationUuid: string, ...roles: ('LocalAdmin' | 'ContractModuleAdmin')[]) {
  const u = await kitos.users.create(admin, { firstName: email, lastName: 'T', email });
  for (const role of ['User', ...roles] as const)
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role });
  return { userUuid: u.uuid };
}

beforeEach(async () => {
  kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  other = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
  contractAdmin = await person('ca@nordby.dk', org, 'ContractModuleAdmin');
  member = await person('ejer@nordby.dk', org);
  outsider = await person('x@sydby.dk', other, 'LocalAdmin');
  await kitos.options.setLocal(admin, { organizationUuid: org, optionUuid: owner, isActive: true });
  contract = (
    await kitos.contracts.create(contractAdmin, {
      organizationUuid: org,
      name: 'ESDH drift',
      general: { validity: { validFrom: '2022-01-01' } },
      agreementPeriod: { isContinuous: true },
      termination: {
        terms: {
          noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '6'),
          noticeByEndOf: 'EndOfCalendarYear',
        },
      },
      roles: [{ roleUuid: owner, userUuid: member.userUuid }],
    })
  ).uuid;
});

const noticeRule = (extra: Record<string, unknown> = {}) => ({
  organizationUuid: org,
  name: 'Opsigelse',
  entityKind: 'itContract' as const,
  deadlines: ['notice' as const],
  daysBefore: [90, 30, 7],
  recipients: { roleUuids: [owner], addresses: ['It@Nordby.dk'] },
  ...extra,
});

describe('notification rules', () => {
  it('plans the due and the coming reminders of a rule, to the role holders and the fixed addresses', async () => {
    const rule = await kitos.notifications.rules.create(contractAdmin, noticeRule());
    expect(rule.version).toBe(1);
    const plan = await kitos.notifications.plan(member, { organizationUuid: org, until: '2025-12-31' });
    expect(plan.due.map((r) => [r.key, r.sendOn])).toEqual([
      [`rule/${rule.uuid}/${contract}/notice/2025-06-30/30`, '2025-05-31'],
    ]);
    expect(plan.due[0]?.recipients).toEqual([
      { email: 'ejer@nordby.dk', userUuid: member.userUuid, role: 'Kontraktejer' },
      { email: 'it@nordby.dk', userUuid: null, role: null },
    ]);
    expect(plan.ahead.map((r) => [r.daysBefore, r.sendOn])).toEqual([[7, '2025-06-23']]);
    expect(await kitos.notifications.due('2025-06-15')).toEqual(plan.due);
    expect(await kitos.notifications.due('2025-07-01')).toEqual([]);
  });

  it('refuses unknown roles, roles of another kind of record and deadlines the kind has not, and stores nothing', async () => {
    const bad = [
      noticeRule({ recipients: { roleUuids: ['00000000-0000-4000-8000-000000000001'] } }),
      noticeRule({ recipients: { roleUuids: [systemOwner] } }),
      noticeRule({ deadlines: ['dpia-review'] }),
      noticeRule({ recipients: { addresses: ['not an address'] } }),
      noticeRule({ recipients: {} }),
      noticeRule({ daysBefore: [-1] }),
    ];
    for (const input of bad) {
      const e = await kitos.notifications.rules.create(contractAdmin, input).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KitosValidationError);
    }
    const codes = await kitos.notifications.rules
      .create(contractAdmin, bad[0] as never)
      .catch((x: KitosValidationError) => x.issues.map((i) => [i.path.join('.'), i.code]));
    expect(codes).toEqual([['recipients.roleUuids.0', 'option-not-found']]);
    expect((await kitos.notifications.rules.list(admin, { organizationUuid: org })).total).toBe(0);
  });

  it('checks the whole next state on a patch, and versions every change', async () => {
    const rule = await kitos.notifications.rules.create(contractAdmin, noticeRule());
    await expect(
      kitos.notifications.rules.patch(contractAdmin, rule.uuid, { deadlines: ['next-oversight'] }),
    ).rejects.toBeInstanceOf(KitosValidationError);
    const changed = await kitos.notifications.rules.patch(contractAdmin, rule.uuid, { daysBefore: [14] });
    expect(changed.version).toBe(2);
  });

  it('lets only members see the plan and only writers change rules', async () => {
    await expect(kitos.notifications.rules.create(member, noticeRule())).rejects.toBeInstanceOf(KitosForbiddenError);
    await expect(kitos.notifications.plan(outsider, { organizationUuid: org })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    const rule = await kitos.notifications.rules.create(contractAdmin, noticeRule());
    await expect(kitos.notifications.rules.get(outsider, rule.uuid)).rejects.toThrow(/not visible/);
  });
});

describe('manual advis', () => {
  const advis = (extra: Record<string, unknown> = {}) => ({
    organizationUuid: org,
    entityKind: 'itContract' as const,
    entityUuid: contract,
    subject: 'Prisregulering',
    body: 'Husk at forhandle prisen.',
    alarmDate: '2025-06-15',
    repeat: 'month' as const,
    recipients: { roleUuids: [owner] },
    ...extra,
  });

  it('plans a repeating advis on its days, to the holders of the role', async () => {
    const a = await kitos.notifications.advis.create(contractAdmin, advis());
    const plan = await kitos.notifications.plan(member, { organizationUuid: org, until: '2025-08-31' });
    expect(plan.due.map((r) => r.key)).toEqual([`advis/${a.uuid}/2025-06-15`]);
    expect(plan.ahead.map((r) => r.sendOn)).toEqual(['2025-07-15', '2025-08-15']);
    expect(plan.due[0]?.recipients.map((r) => r.email)).toEqual(['ejer@nordby.dk']);
  });

  it('refuses an alarm date in the past, a record of another organisation and a stop before the start', async () => {
    const foreign = (await kitos.contracts.create(outsider, { organizationUuid: other, name: 'Andet' })).uuid;
    const cases: [Record<string, unknown>, string][] = [
      [{ alarmDate: '2025-06-14' }, 'date-in-past'],
      [{ entityUuid: foreign }, 'reference-not-found'],
      [{ stopDate: '2025-06-01' }, 'invalid-period'],
    ];
    for (const [extra, code] of cases) {
      const e = (await kitos.notifications.advis
        .create(contractAdmin, advis(extra))
        .catch((x: unknown) => x)) as KitosValidationError;
      expect(e).toBeInstanceOf(KitosValidationError);
      expect(e.issues.map((i) => i.code)).toEqual([code]);
    }
    expect((await kitos.notifications.advis.list(admin, { organizationUuid: org })).total).toBe(0);
  });
});
