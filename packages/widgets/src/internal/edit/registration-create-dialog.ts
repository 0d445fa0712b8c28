/**
 * `<kitos-registration-create-dialog>`: the dialog of `<kitos-registration-create>`, loaded on first
 * use: a new data processing registration by name, checked with the core's create schema.
 */
import type { ValidationIssue } from '@os2kitos/core';
import type { KitosRegistrationWriter } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type CreatedRecord, type CreateTexts, KitosNameCreateDialog } from './name-create-dialog.js';
import { checkRegistrationCreate } from './usage-validate.js';

/** The create dialog of a registration. Internal: `<kitos-registration-create>` opens it. */
export class KitosRegistrationCreateDialog extends KitosNameCreateDialog {
  protected readonly kind = 'registrations';
  protected readonly operation = 'createRegistration';

  protected textsOf(t: EditStrings): CreateTexts {
    return {
      title: t.newRegistrationTitle,
      name: t.registrationName,
      hint: t.registrationNameHint,
      create: t.createNamed,
      creating: t.creatingNamed,
      failed: t.createRegistrationFailed,
    };
  }

  protected check(input: { organizationUuid: string; name: string }): ValidationIssue[] {
    return checkRegistrationCreate(input);
  }

  protected createRecord(input: { organizationUuid: string; name: string }): Promise<CreatedRecord> {
    return (this.client as KitosRegistrationWriter).createRegistration(input);
  }
}

if (!customElements.get('kitos-registration-create-dialog'))
  customElements.define('kitos-registration-create-dialog', KitosRegistrationCreateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-registration-create-dialog': KitosRegistrationCreateDialog;
  }
}
