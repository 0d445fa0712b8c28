/**
 * `<kitos-contract-create-dialog>`: the dialog of `<kitos-contract-create>`, loaded on first use: a
 * new contract by name, checked with the core's `ContractCreateSchema`.
 */
import type { ValidationIssue } from '@os2kitos/core';
import type { KitosContractWriter } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type CreatedRecord, type CreateTexts, KitosNameCreateDialog } from './name-create-dialog.js';
import { checkContractCreate } from './usage-validate.js';

/** The create dialog of a contract. Internal: `<kitos-contract-create>` opens it. */
export class KitosContractCreateDialog extends KitosNameCreateDialog {
  protected readonly kind = 'contracts';
  protected readonly operation = 'createContract';

  protected textsOf(t: EditStrings): CreateTexts {
    return {
      title: t.newContractTitle,
      name: t.contractName,
      hint: t.contractNameHint,
      create: t.createNamed,
      creating: t.creatingNamed,
      failed: t.createContractFailed,
    };
  }

  protected check(input: { organizationUuid: string; name: string }): ValidationIssue[] {
    return checkContractCreate(input);
  }

  protected createRecord(input: { organizationUuid: string; name: string }): Promise<CreatedRecord> {
    return (this.client as KitosContractWriter).createContract(input);
  }
}

if (!customElements.get('kitos-contract-create-dialog'))
  customElements.define('kitos-contract-create-dialog', KitosContractCreateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-create-dialog': KitosContractCreateDialog;
  }
}
