// The demo's municipalities share with each other, as their local admins would decide: without it
// every record is Local and the "Across municipalities" tab would show only names and counts. Run
// on every start of `npm start` (cheap, and only where a municipality has stored no setting yet),
// so a demo file seeded before this existed gets it too.
import type { Actor, Kitos, SharingSettingPatch } from '@os2kitos/core';

/** What each demo municipality shares, in turn: generous, contracts only, and usages only. */
const SHARES: readonly SharingSettingPatch[] = [
  {
    usages: { scope: 'Public', fields: ['responsibleUnit', 'lifeCycleStatus', 'interfaces'] },
    contracts: { scope: 'Public', fields: ['supplier', 'endQuarter', 'procurementForm'] },
    projects: { scope: 'Public', fields: ['phase', 'timeline'] },
  },
  { contracts: { scope: 'Public', fields: ['supplier', 'endQuarter'] } },
  { usages: { scope: 'Public', fields: ['lifeCycleStatus', 'interfaces'] } },
];

/**
 * Stores the demo's sharing settings for municipalities that have none yet, each by its local admin.
 * Returns how many were stored.
 */
export async function shareAcrossMunicipalities(
  kitos: Kitos,
  localAdmins: readonly { readonly organizationUuid: string; readonly actor: Actor }[],
): Promise<number> {
  let stored = 0;
  for (const [i, { organizationUuid, actor }] of localAdmins.entries()) {
    const current = await kitos.coordination.sharing(actor, organizationUuid);
    if (current.version > 0) continue;
    await kitos.coordination.updateSharing(actor, organizationUuid, SHARES[i % SHARES.length] as SharingSettingPatch, {
      expectedVersion: 0,
    });
    stored++;
  }
  return stored;
}

/** The demo's ties to the reference architecture: element name → how many catalogue systems, in turn. */
const TIES: readonly (readonly [string, number])[] = [
  ['Serviceplatformen', 25],
  ['Fælleskommunalt Organisationssystem (FK Organisation)', 15],
  ['MitID', 8],
  ['Digital Post', 12],
];

/**
 * Loads the joint reference architecture (idempotent) as the global admin, and ties the demo's most
 * used catalogue systems to a few of its elements, as a global admin would, so the "Fælles" tab's
 * coverage has something to show. The generated systems are fictional, so which system carries which
 * element is the demo's choice; an element that already has systems or interfaces is left as it is.
 * Returns how many elements got systems.
 */
export async function tieReferenceArchitecture(kitos: Kitos, globalAdmin: Actor): Promise<number> {
  await kitos.coordination.seedArchitecture(globalAdmin);
  const elements = (await kitos.coordination.architecture.list(globalAdmin, { limit: 1000 })).items;
  const systems = (await kitos.coordination.catalogue(globalAdmin, { limit: 60 })).entries.map((e) => e.uuid);
  let next = 0;
  let tied = 0;
  for (const [name, count] of TIES) {
    const element = elements.find((e) => e.name === name);
    const chosen = systems.slice(next, next + count);
    next += count;
    if (!element || element.systemUuids.length || element.interfaceUuids.length || chosen.length === 0) continue;
    await kitos.coordination.architecture.patch(
      globalAdmin,
      element.uuid,
      { systemUuids: chosen },
      { expectedVersion: element.version },
    );
    tied++;
  }
  return tied;
}
