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
