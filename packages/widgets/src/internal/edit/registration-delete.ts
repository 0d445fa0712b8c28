/**
 * `<kitos-registration-delete>`: the confirmation of "Slet databehandling", loaded by
 * `<kitos-registration-card>` on first use: what the core reports the delete takes with it (roles,
 * references, processors, system links; the contracts that let go of it), then the delete at that
 * version.
 */
import type { KitosRegistrationWriter, KitosWriteOptions } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type DeleteTexts, KitosRecordDelete } from './record-delete.js';

/** The delete confirmation of one registration. Internal: `<kitos-registration-card>` opens it. */
export class KitosRegistrationDelete extends KitosRecordDelete {
  protected readonly kind = 'registrations';
  protected readonly operation = 'deleteRegistration';

  protected textsOf(t: EditStrings): DeleteTexts {
    return {
      title: t.registrationDeleteTitle,
      intro: t.registrationDeleteIntro,
      consequences: t.registrationDeleteConsequences,
      confirm: t.registrationDeleteConfirm,
      failed: t.registrationDeleteFailed,
      changedMeanwhile: t.registrationChangedMeanwhile,
    };
  }

  protected deleteRecord(uuid: string, options: KitosWriteOptions): Promise<void> {
    return (this.client as KitosRegistrationWriter).deleteRegistration(uuid, options);
  }
}

if (!customElements.get('kitos-registration-delete'))
  customElements.define('kitos-registration-delete', KitosRegistrationDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-registration-delete': KitosRegistrationDelete;
  }
}
