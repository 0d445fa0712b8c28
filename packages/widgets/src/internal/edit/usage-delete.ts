/**
 * `<kitos-usage-delete>`: the confirmation of "Fjern anvendelse", loaded by `<kitos-usage-card>` on
 * first use: what the core reports the delete takes with it (roles, unit links, references; the
 * contracts, registrations, projects and other systems' relations that let go of it), then the
 * delete at that version: a usage someone changed meanwhile is not deleted unseen.
 */
import type { KitosUsageWriter, KitosWriteOptions } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type DeleteTexts, KitosRecordDelete } from './record-delete.js';

/** The delete confirmation of one usage. Internal: `<kitos-usage-card>` opens it. */
export class KitosUsageDelete extends KitosRecordDelete {
  protected readonly kind = 'usages';
  protected readonly operation = 'deleteUsage';

  protected textsOf(t: EditStrings): DeleteTexts {
    return {
      title: t.deleteTitle,
      intro: t.deleteIntro,
      consequences: t.deleteConsequences,
      confirm: t.deleteConfirm,
      failed: t.deleteFailed,
      changedMeanwhile: t.usageChangedMeanwhile,
    };
  }

  protected deleteRecord(uuid: string, options: KitosWriteOptions): Promise<void> {
    return (this.client as KitosUsageWriter).deleteUsage(uuid, options);
  }
}

if (!customElements.get('kitos-usage-delete')) customElements.define('kitos-usage-delete', KitosUsageDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-delete': KitosUsageDelete;
  }
}
