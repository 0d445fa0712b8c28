/**
 * `<kitos-project-delete>`: the confirmation of "Slet projekt", loaded by `<kitos-project-card>` on
 * first use: what the core reports the delete takes with it (the sub-projects that let go of it),
 * then the delete at that version.
 */
import type { KitosProjectWriter, KitosWriteOptions } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type DeleteTexts, KitosRecordDelete } from './record-delete.js';

/** The delete confirmation of one project. Internal: `<kitos-project-card>` opens it. */
export class KitosProjectDelete extends KitosRecordDelete {
  protected readonly kind = 'projects';
  protected readonly operation = 'deleteProject';

  protected textsOf(t: EditStrings): DeleteTexts {
    return {
      title: t.projectDeleteTitle,
      intro: t.projectDeleteIntro,
      consequences: t.projectDeleteConsequences,
      confirm: t.projectDeleteConfirm,
      failed: t.projectDeleteFailed,
      changedMeanwhile: t.projectChangedMeanwhile,
    };
  }

  protected deleteRecord(uuid: string, options: KitosWriteOptions): Promise<void> {
    return (this.client as KitosProjectWriter).deleteProject(uuid, options);
  }
}

if (!customElements.get('kitos-project-delete')) customElements.define('kitos-project-delete', KitosProjectDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-project-delete': KitosProjectDelete;
  }
}
