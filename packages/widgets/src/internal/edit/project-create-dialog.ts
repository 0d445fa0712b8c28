/**
 * `<kitos-project-create-dialog>`: the dialog of `<kitos-project-create>`, loaded on first use:
 * a new project by name (the core's defaults: five undated phases, phase 1), checked with the core's create schema.
 */
import type { ValidationIssue } from '@os2kitos/core';
import type { KitosProjectWriter } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { type CreatedRecord, type CreateTexts, KitosNameCreateDialog } from './name-create-dialog.js';
import { checkProjectCreate } from './usage-validate.js';

/** The create dialog of a project. Internal: `<kitos-project-create>` opens it. */
export class KitosProjectCreateDialog extends KitosNameCreateDialog {
  protected readonly kind = 'projects';
  protected readonly operation = 'createProject';

  protected textsOf(t: EditStrings): CreateTexts {
    return {
      title: t.newProjectTitle,
      name: t.projectName,
      hint: t.projectNameHint,
      create: t.createNamed,
      creating: t.creatingNamed,
      failed: t.createProjectFailed,
    };
  }

  protected check(input: { organizationUuid: string; name: string }): ValidationIssue[] {
    return checkProjectCreate(input);
  }

  protected createRecord(input: { organizationUuid: string; name: string }): Promise<CreatedRecord> {
    return (this.client as KitosProjectWriter).createProject(input);
  }
}

if (!customElements.get('kitos-project-create-dialog'))
  customElements.define('kitos-project-create-dialog', KitosProjectCreateDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-project-create-dialog': KitosProjectCreateDialog;
  }
}
