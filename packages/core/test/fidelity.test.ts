/**
 * KITOS rule fidelity and referential integrity: one test per behaviour, named as the behaviour.
 * Each runs through the public services, so it holds whichever write path the data takes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Actor,
  checkPortfolioIntegrity,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  KitosConflictError,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosStateError,
  KitosValidationError,
  roleItemKey,
} from '../src/index.js';

let kitos: Kitos;
let admin: Actor;
let org: string;
let other: string;
let localAdmin: Actor;
let root: string;
let system: string;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const KLE_A = uuid(901);
const KLE_B = uuid(902);

async function person(email: string, organizationUuid: string, ...roles: 'LocalAdmin'[]) {
  const u = await kitos.users.create(admin, { firstName: email, lastName: 'T', email });
  for (const role of ['User', ...roles] as const)
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role });
  return { userUuid: u.uuid };
}

/** The code a typed error carries (context.code, or the first validation issue's code). */
function codeOf(e: unknown): string | undefined {
  const err = e as { context?: { code?: string }; issues?: { code: string }[] };
  return err.context?.code ?? err.issues?.[0]?.code;
}

async function refused<T>(p: Promise<T>, type: new (...a: never[]) => Error, code: string): Promise<void> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `expected ${type.name} ${code}`).toBeInstanceOf(type);
  expect(codeOf(e)).toBe(code);
}

beforeEach(async () => {
  kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@example.dk' });
  await kitos.options.seed(admin);
  await kitos.kle.load(admin, [
    { uuid: KLE_A, taskKey: '00', description: 'Kommunens styrelse' },
    { uuid: KLE_B, taskKey: '01', description: 'Fysisk planlægning' },
  ]);
  org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  other = (
    await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune', accessModifier: 'Public' })
  ).uuid;
  root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
  localAdmin = await person('la@nordby.dk', org, 'LocalAdmin');
  system = (await kitos.systems.create(admin, { organizationUuid: org, name: 'ESDH', kleUuids: [KLE_A] })).uuid;
});

describe('contracts', () => {
  it('clearing the parent also stops requiring a valid parent', async () => {
    const parent = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Rammeaftale' });
    const child = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Leveranceaftale',
      parentContractUuid: parent.uuid,
      general: { validity: { requireValidParent: true } },
    } as never);
    expect(child.general.validity.requireValidParent).toBe(true);
    const cleared = await kitos.contracts.patch(localAdmin, child.uuid, { parentContractUuid: null } as never);
    expect(cleared.parentContractUuid).toBeNull();
    expect(cleared.general.validity.requireValidParent).toBe(false);
  });

  it('procurement initiated is Undecided when not given and when cleared, never null', async () => {
    const c = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Drift' });
    expect(c.procurement.procurementInitiated).toBe('Undecided');
    const yes = await kitos.contracts.patch(localAdmin, c.uuid, { procurement: { procurementInitiated: 'Yes' } });
    expect(yes.procurement.procurementInitiated).toBe('Yes');
    const cleared = await kitos.contracts.patch(localAdmin, c.uuid, {
      procurement: { procurementInitiated: null },
    } as never);
    expect(cleared.procurement.procurementInitiated).toBe('Undecided');
  });

  it('contracts and catalogue systems carry external references with one master reference', async () => {
    const ref = (n: number, master: boolean) => ({
      uuid: uuid(700 + n),
      title: `Bilag ${n}`,
      documentId: null,
      url: `https://esdh.nordby.dk/${n}`,
      masterReference: master,
    });
    const c = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Med bilag',
      externalReferences: [ref(1, true), ref(2, false)],
    } as never);
    expect(c.externalReferences.map((r) => r.title)).toEqual(['Bilag 1', 'Bilag 2']);
    await refused(
      kitos.contracts.patch(localAdmin, c.uuid, { externalReferences: [ref(1, true), ref(2, true)] } as never),
      KitosValidationError,
      'multiple-master-references',
    );
    const s = await kitos.systems.patch(admin, system, { externalReferences: [ref(3, true)] } as never);
    expect(s.externalReferences).toHaveLength(1);
    // Deleted with their owner: nothing else holds them.
    await kitos.contracts.delete(localAdmin, c.uuid);
    await expect(kitos.contracts.get(localAdmin, c.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
  });
});

describe('usages', () => {
  it('KLE deviations are checked on create and patch against the catalogue system', async () => {
    await refused(
      kitos.usages.create(localAdmin, {
        organizationUuid: org,
        systemUuid: system,
        localKleDeviations: { addedKleUuids: [KLE_A], removedKleUuids: [] },
      } as never),
      KitosStateError,
      'kle-already-on-system',
    );
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    await refused(
      kitos.usages.patch(localAdmin, u.uuid, { localKleDeviations: { removedKleUuids: [KLE_B] } } as never),
      KitosStateError,
      'kle-not-on-system',
    );
    const ok = await kitos.usages.patch(localAdmin, u.uuid, {
      localKleDeviations: { addedKleUuids: [KLE_B], removedKleUuids: [KLE_A] },
    } as never);
    expect(ok.localKleDeviations).toEqual({ addedKleUuids: [KLE_B], removedKleUuids: [KLE_A] });
  });

  it('a main contract of another organisation is refused with its own code, before the coverage check', async () => {
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    const foreign = await kitos.contracts.create(admin, { organizationUuid: other, name: 'Sydby drift' });
    await refused(
      kitos.usages.patch(localAdmin, u.uuid, { general: { mainContractUuid: foreign.uuid } } as never),
      KitosValidationError,
      'not-same-organisation',
    );
    const own = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Nordby drift' });
    await refused(
      kitos.usages.patch(localAdmin, u.uuid, { general: { mainContractUuid: own.uuid } } as never),
      KitosStateError,
      'main-contract-not-associated',
    );
  });

  it('expected users: no interval is Undecided, an upper bound of 2147483647 is 100 or more', async () => {
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    expect(u.general.numberOfExpectedUsers).toBe('Undecided');
    const many = await kitos.usages.patch(localAdmin, u.uuid, {
      general: { numberOfExpectedUsers: { lowerBound: 100, upperBound: 2147483647 } },
    } as never);
    expect(many.general.numberOfExpectedUsers).toBe('HundredPlus');
    const cleared = await kitos.usages.patch(localAdmin, u.uuid, {
      general: { numberOfExpectedUsers: null },
    } as never);
    expect(cleared.general.numberOfExpectedUsers).toBe('Undecided');
  });

  it('list fields add one and remove one: present is a conflict, absent is not-found', async () => {
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    const added = await kitos.usages.addItem(localAdmin, u.uuid, 'sensitivityLevels', 'PersonalData');
    expect(added.gdpr.dataSensitivityLevels).toEqual(['PersonalData']);
    await refused(
      kitos.usages.addItem(localAdmin, u.uuid, 'sensitivityLevels', 'PersonalData'),
      KitosConflictError,
      'already-exists',
    );
    await refused(
      kitos.usages.removeItem(localAdmin, u.uuid, 'sensitivityLevels', 'SensitiveData'),
      KitosNotFoundError,
      'item-not-found',
    );
    const kle = await kitos.usages.addItem(localAdmin, u.uuid, 'kleAdditions', KLE_B);
    expect(kle.localKleDeviations.addedKleUuids).toEqual([KLE_B]);
    // The same rules as a patch: a KLE task the system already has cannot be added.
    await refused(
      kitos.usages.addItem(localAdmin, u.uuid, 'kleAdditions', KLE_A),
      KitosStateError,
      'kle-already-on-system',
    );
    // Another municipality's administrator can neither add nor learn that the usage exists.
    const stranger = await person('la@sydby.dk', other, 'LocalAdmin');
    await expect(kitos.usages.addItem(stranger, u.uuid, 'sensitivityLevels', 'SensitiveData')).rejects.toBeInstanceOf(
      KitosNotFoundError,
    );
    await expect(kitos.usages.removeItem(stranger, u.uuid, 'sensitivityLevels', 'PersonalData')).rejects.toBeInstanceOf(
      KitosNotFoundError,
    );
    const removed = await kitos.usages.removeItem(localAdmin, u.uuid, 'sensitivityLevels', 'PersonalData');
    expect(removed.gdpr.dataSensitivityLevels).toEqual([]);
    expect(removed.version).toBe(kle.version + 1);
  });

  it('role assignments are added and removed one at a time, holders must be members', async () => {
    const u = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    const [global] = await kitos.options.global(admin, 'it-system-usage-role-types');
    await kitos.options.setLocal(localAdmin, { organizationUuid: org, optionUuid: global!.uuid, isActive: true });
    const roleUuid = global!.uuid;
    const role = { roleUuid, userUuid: localAdmin.userUuid };
    const withRole = await kitos.usages.addItem(localAdmin, u.uuid, 'roles', role);
    expect(withRole.roles).toEqual([role]);
    await refused(
      kitos.usages.addItem(localAdmin, u.uuid, 'roles', role),
      KitosConflictError,
      'duplicate-role-assignment',
    );
    const stranger = await person('x@sydby.dk', other);
    await refused(
      kitos.usages.addItem(localAdmin, u.uuid, 'roles', { roleUuid, userUuid: stranger.userUuid }),
      KitosStateError,
      'user-not-member',
    );
    const without = await kitos.usages.removeItem(
      localAdmin,
      u.uuid,
      'roles',
      roleItemKey(roleUuid, localAdmin.userUuid),
    );
    expect(without.roles).toEqual([]);
  });
});

describe('data processing registrations', () => {
  it('the agreement date is not gated; changing the flag away from Yes clears it, leaving it alone never does', async () => {
    const d = await kitos.dataProcessing.create(localAdmin, {
      organizationUuid: org,
      name: 'Løn',
      general: { agreementConcludedAt: '2025-01-01' },
    } as never);
    expect(d.general.agreementConcludedAt).toBe('2025-01-01');
    const yes = await kitos.dataProcessing.patch(localAdmin, d.uuid, {
      general: { isAgreementConcluded: 'Yes' },
    } as never);
    expect(yes.general.agreementConcludedAt).toBe('2025-01-01');
    const renamed = await kitos.dataProcessing.patch(localAdmin, d.uuid, { name: 'Løn og personale' } as never);
    expect(renamed.general.agreementConcludedAt).toBe('2025-01-01');
    const no = await kitos.dataProcessing.patch(localAdmin, d.uuid, {
      general: { isAgreementConcluded: 'No' },
    } as never);
    expect(no.general.agreementConcludedAt).toBeNull();
  });

  it('third countries and transfer bases must exist and be available in the organisation', async () => {
    const d = await kitos.dataProcessing.create(localAdmin, { organizationUuid: org, name: 'Løn' });
    await refused(
      kitos.dataProcessing.patch(localAdmin, d.uuid, {
        general: { transferToInsecureThirdCountries: 'Yes', insecureCountryUuids: [uuid(12345)] },
      } as never),
      KitosValidationError,
      'option-not-found',
    );
  });

  it('sub-processors and third countries have add-one and remove-one operations', async () => {
    const processor = await kitos.organizations.create(admin, {
      name: 'Databehandler A/S',
      type: 'Virksomhed',
      accessModifier: 'Public',
    });
    const d = await kitos.dataProcessing.create(localAdmin, {
      organizationUuid: org,
      name: 'Løn',
      general: { hasSubDataProcessors: 'Yes' },
    } as never);
    const sub = {
      organizationUuid: processor.uuid,
      basisForTransferUuid: null,
      transferToInsecureCountry: null,
      insecureCountryUuid: null,
    };
    const added = await kitos.dataProcessing.addItem(localAdmin, d.uuid, 'subDataProcessors', sub);
    expect(added.general.subDataProcessors.map((s) => s.organizationUuid)).toEqual([processor.uuid]);
    await refused(
      kitos.dataProcessing.addItem(localAdmin, d.uuid, 'subDataProcessors', sub),
      KitosConflictError,
      'already-exists',
    );
    const removed = await kitos.dataProcessing.removeItem(localAdmin, d.uuid, 'subDataProcessors', processor.uuid);
    expect(removed.general.subDataProcessors).toEqual([]);
    await refused(
      kitos.dataProcessing.removeItem(localAdmin, d.uuid, 'insecureCountries', uuid(5)),
      KitosNotFoundError,
      'item-not-found',
    );
  });
});

describe('organisation units', () => {
  it('local id and EAN number are editable by local administrators', async () => {
    const u = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'Borgerservice' });
    const edited = await kitos.units.patch(localAdmin, u.uuid, { localId: 'BS-01', ean: '5798000000001' });
    expect([edited.localId, edited.ean]).toEqual(['BS-01', '5798000000001']);
  });

  it('units from FK Organisation cannot be renamed, moved or deleted locally; their EAN can change', async () => {
    const other = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'Skoler' });
    const fk = await kitos.units.create(admin, {
      organizationUuid: org,
      name: 'Økonomi',
      origin: 'STS_Organisation',
      externalOriginUuid: uuid(555),
    });
    await refused(kitos.units.patch(localAdmin, fk.uuid, { name: 'Penge' }), KitosStateError, 'unit-from-directory');
    await refused(kitos.units.move(localAdmin, fk.uuid, other.uuid), KitosStateError, 'unit-from-directory');
    await refused(kitos.units.delete(localAdmin, fk.uuid), KitosStateError, 'unit-from-directory');
    expect((await kitos.units.patch(localAdmin, fk.uuid, { ean: '5798000000002' })).ean).toBe('5798000000002');
    // Only a global administrator (the directory synchronisation) creates them.
    await refused(
      kitos.units.create(localAdmin, { organizationUuid: org, name: 'Falsk', origin: 'STS_Organisation' }),
      KitosStateError,
      'unit-from-directory',
    );
    // The source never changes after create.
    await refused(kitos.units.patch(admin, fk.uuid, { origin: 'Kitos' }), KitosValidationError, 'immutable');
    expect((await kitos.units.patch(admin, fk.uuid, { name: 'Økonomi og løn' })).name).toBe('Økonomi og løn');
  });

  it('moving the root is a validation error, not a conflict', async () => {
    const child = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'Skoler' });
    await refused(kitos.units.move(localAdmin, root, child.uuid), KitosValidationError, 'root-unit');
  });

  it('a unit can be created with a caller-supplied uuid; a uuid in use is refused', async () => {
    const given = uuid(4242);
    const u = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'Importeret', uuid: given });
    expect(u.uuid).toBe(given);
    await refused(
      kitos.units.create(localAdmin, { organizationUuid: org, name: 'Igen', uuid: given }),
      KitosConflictError,
      'duplicate-uuid',
    );
  });
});

describe('caller-supplied uuids (imports keep their source ids)', () => {
  it('usages, contracts, registrations and users are created with the given uuid; a uuid in use is refused', async () => {
    const usage = await kitos.usages.create(localAdmin, {
      organizationUuid: org,
      systemUuid: system,
      uuid: uuid(5001),
    });
    expect(usage.uuid).toBe(uuid(5001));
    const contract = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Drift',
      uuid: uuid(5002),
    });
    expect(contract.uuid).toBe(uuid(5002));
    const dpr = await kitos.dataProcessing.create(localAdmin, { organizationUuid: org, name: 'DBA', uuid: uuid(5003) });
    expect(dpr.uuid).toBe(uuid(5003));
    const user = await kitos.users.create(admin, {
      firstName: 'Ida',
      lastName: 'Import',
      email: 'ida@import.dk',
      uuid: uuid(5004),
    });
    expect(user.uuid).toBe(uuid(5004));
    await refused(
      kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Andet navn', uuid: uuid(5002) }),
      KitosConflictError,
      'duplicate-uuid',
    );
    await refused(
      kitos.users.create(admin, { firstName: 'Bo', lastName: 'B', email: 'bo@import.dk', uuid: uuid(5004) }),
      KitosConflictError,
      'duplicate-uuid',
    );
  });
});

describe('catalogue', () => {
  it('break bindings: a global admin deletes a system with its usages, children and exposed interfaces in one go', async () => {
    const child = await kitos.systems.create(admin, { organizationUuid: org, name: 'ESDH-modul', parentUuid: system });
    const iface = await kitos.interfaces.create(admin, {
      organizationUuid: org,
      name: 'Sags-API',
      exposedBySystemUuid: system,
    } as never);
    const usage = await kitos.usages.create(localAdmin, { organizationUuid: org, systemUuid: system });
    await expect(kitos.systems.delete(admin, system)).rejects.toBeInstanceOf(KitosConflictError);
    await expect(kitos.systems.delete(localAdmin, system, { breakBindings: true })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await kitos.systems.delete(admin, system, { breakBindings: true });
    await expect(kitos.usages.get(localAdmin, usage.uuid)).rejects.toBeInstanceOf(KitosNotFoundError);
    expect((await kitos.systems.get(admin, child.uuid)).parentUuid).toBeNull();
    expect((await kitos.interfaces.get(admin, iface.uuid)).exposedBySystemUuid).toBeNull();
  });

  it('a record cannot be created in an organisation that does not exist', async () => {
    await refused(
      kitos.systems.create(admin, { organizationUuid: uuid(31337), name: 'Spøgelse' }),
      KitosValidationError,
      'reference-not-found',
    );
  });
});

describe('option administration', () => {
  it('global admins create, rename, reorder and disable global options; local admins activate them', async () => {
    const type = 'business-types';
    const before = await kitos.options.global(admin, type);
    const created = await kitos.options.createGlobal(admin, { type, name: 'Borgerrettet digitalisering' });
    // New options start disabled and last (KITOS), so they cannot be activated yet.
    expect(created.isEnabled).toBe(false);
    expect(created.priority).toBe(Math.max(0, ...before.map((o) => o.priority)) + 1);
    await refused(
      kitos.options.setLocal(localAdmin, { organizationUuid: org, optionUuid: created.uuid, isActive: true }),
      KitosStateError,
      'option-disabled',
    );
    await expect(kitos.options.createGlobal(localAdmin, { type, name: 'x' })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    const changed = await kitos.options.patchGlobal(admin, created.uuid, {
      name: 'Digitalisering',
      isEnabled: true,
      priority: 1,
    });
    // Moving to priority 1 shifts every option that was at 1 and above up by one.
    expect(changed.find((o) => o.uuid === created.uuid)).toMatchObject({ name: 'Digitalisering', priority: 1 });
    expect(changed).toHaveLength(before.length + 1);
    await refused(
      kitos.options.patchGlobal(admin, created.uuid, { priority: before.length + 5 }),
      KitosValidationError,
      'priority-out-of-range',
    );
    await kitos.options.setLocal(localAdmin, { organizationUuid: org, optionUuid: created.uuid, isActive: true });
    const usable = await kitos.options.available(localAdmin, type, org);
    expect(usable.map((o) => o.uuid)).toContain(created.uuid);
    const disabled = await kitos.options.disableGlobal(admin, created.uuid);
    expect(disabled.isEnabled).toBe(false);
    expect((await kitos.options.available(localAdmin, type, org)).map((o) => o.uuid)).not.toContain(created.uuid);
    expect(await kitos.options.normalizePriorities(admin, type)).toEqual([]);
  });
});

describe('referential integrity', () => {
  it("a registration's contracts and a contract's registrations are one link, kept on both ends", async () => {
    const c = await kitos.contracts.create(localAdmin, { organizationUuid: org, name: 'Lønsystem' });
    const d = await kitos.dataProcessing.create(localAdmin, {
      organizationUuid: org,
      name: 'Løn',
      contractUuids: [c.uuid],
    } as never);
    expect((await kitos.contracts.get(localAdmin, c.uuid)).dataProcessingRegistrationUuids).toEqual([d.uuid]);
    const d2 = await kitos.dataProcessing.create(localAdmin, { organizationUuid: org, name: 'Personale' });
    await kitos.contracts.patch(localAdmin, c.uuid, { dataProcessingRegistrationUuids: [d2.uuid] } as never);
    expect((await kitos.dataProcessing.get(localAdmin, d.uuid)).contractUuids).toEqual([]);
    expect((await kitos.dataProcessing.get(localAdmin, d2.uuid)).contractUuids).toEqual([c.uuid]);
    // Deleting one end removes it from the other; the contract stays editable.
    await kitos.dataProcessing.delete(localAdmin, d2.uuid);
    expect((await kitos.contracts.get(localAdmin, c.uuid)).dataProcessingRegistrationUuids).toEqual([]);
    expect((await kitos.contracts.patch(localAdmin, c.uuid, { name: 'Lønsystem 2' })).name).toBe('Lønsystem 2');
    expect(await checkPortfolioIntegrity(kitos.storage)).toEqual([]);
  });

  it('the usage overview computes the KLE, data processing agreement and registration columns', async () => {
    const u = await kitos.usages.create(localAdmin, {
      organizationUuid: org,
      systemUuid: system,
      localKleDeviations: { addedKleUuids: [KLE_B], removedKleUuids: [] },
    } as never);
    await kitos.dataProcessing.create(localAdmin, {
      organizationUuid: org,
      name: 'Sagsbehandling',
      systemUsageUuids: [u.uuid],
      general: { isAgreementConcluded: 'Yes' },
    } as never);
    const page = await kitos.overviews.query(localAdmin, 'usages', { organizationUuid: org });
    const row = page.rows.find((r) => r.uuid === u.uuid)!;
    expect(row.kle).toHaveLength(2);
    expect(row.dataProcessingAgreementConcluded).toBe(true);
    expect(row.dataProcessingRegistrations).toEqual(['Sagsbehandling']);
    const concluded = await kitos.overviews.query(localAdmin, 'usages', {
      organizationUuid: org,
      filters: [{ column: 'dataProcessingAgreementConcluded', op: 'is', value: true }],
    });
    expect(concluded.rows.map((r) => r.uuid)).toEqual([u.uuid]);
    const catalogue = await kitos.overviews.query(localAdmin, 'catalogue', { organizationUuid: org });
    expect(catalogue.rows.find((r) => r.uuid === system)?.kle).toHaveLength(1);
  });

  it('contracts have role assignments, shown as holders in the overview and on the card', async () => {
    const [role] = await kitos.options.global(admin, 'it-contract-role-types');
    await kitos.options.setLocal(localAdmin, { organizationUuid: org, optionUuid: role!.uuid, isActive: true });
    const c = await kitos.contracts.create(localAdmin, {
      organizationUuid: org,
      name: 'Med ejer',
      roles: [{ roleUuid: role!.uuid, userUuid: localAdmin.userUuid }],
    } as never);
    expect(c.roles).toHaveLength(1);
    const page = await kitos.overviews.query(localAdmin, 'contracts', { organizationUuid: org });
    expect(page.rows.find((r) => r.uuid === c.uuid)?.roleHolders).toEqual([`${role!.name}: la@nordby.dk T`]);
    const card = await kitos.cards.contract(localAdmin, c.uuid);
    expect(card.roles.map((r) => r.role)).toEqual([role!.name]);
  });

  it('a project cannot be its own parent or hang under an unknown one; partners see joint projects in their overview', async () => {
    const p = await kitos.projects.create(localAdmin, {
      organizationUuid: org,
      name: 'Fælles ESDH',
      jointOrganizationUuids: [other],
    });
    await expect(kitos.projects.patch(localAdmin, p.uuid, { parentProjectUuid: p.uuid })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    await expect(kitos.projects.patch(localAdmin, p.uuid, { parentProjectUuid: uuid(999) })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    const partner = await person('p@sydby.dk', other);
    const rows = await kitos.overviews.query(partner, 'projects', { organizationUuid: other });
    expect(rows.rows.map((r) => r.name)).toEqual(['Fælles ESDH']);
  });

  it('KLE uuids on systems and usages must be loaded tasks', async () => {
    await refused(
      kitos.systems.patch(admin, system, { kleUuids: [uuid(4711)] } as never),
      KitosValidationError,
      'reference-not-found',
    );
  });

  it('a unit that is any record’s responsible unit cannot be deleted', async () => {
    const unit = await kitos.units.create(localAdmin, { organizationUuid: org, name: 'Løn' });
    await kitos.dataProcessing.create(localAdmin, {
      organizationUuid: org,
      name: 'Løn',
      general: { responsibleUnitUuid: unit.uuid },
    } as never);
    await expect(kitos.units.delete(localAdmin, unit.uuid)).rejects.toBeInstanceOf(KitosConflictError);
  });
});
