/**
 * `<kitos-contract-delete>`: the confirmation of "Slet kontrakt", loaded by `<kitos-contract-card>`
 * on first use: what the core reports the delete takes with it (roles, references, links; the
 * usages, sub-contracts, registrations and projects that let go of it), then the delete at that
 * version.
 */
import type { KitosContractWriter, KitosWriteOptions } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type DeleteTexts, KitosRecordDelete } from './record-delete.js';

/** The delete confirmation of one contract. Internal: `<kitos-contract-card>` opens it. */
export class KitosContractDelete extends KitosRecordDelete {
  protected readonly kind = 'contracts';
  protected readonly operation = 'deleteContract';

  protected textsOf(t: EditStrings): DeleteTexts {
    return {
      title: t.contractDeleteTitle,
      intro: t.contractDeleteIntro,
      consequences: t.contractDeleteConsequences,
      confirm: t.contractDeleteConfirm,
      failed: t.contractDeleteFailed,
      changedMeanwhile: t.contractChangedMeanwhile,
    };
  }

  protected deleteRecord(uuid: string, options: KitosWriteOptions): Promise<void> {
    return (this.client as KitosContractWriter).deleteContract(uuid, options);
  }
}

if (!customElements.get('kitos-contract-delete')) customElements.define('kitos-contract-delete', KitosContractDelete);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-delete': KitosContractDelete;
  }
}
