/**
 * `<kitos-registration-editor>`: the edit mode of `<kitos-registration-card>`, loaded by the card on
 * first use (read-only embeds never load it). Fields grouped as in KITOS: general (data controller,
 * agreement, responsible unit), processors (data processors, transfers; the insecure countries
 * open only when transfers are answered Yes), oversight, and roles with a user picker.
 */
import type { DataProcessingRegistration, ValidationIssue } from '@os2kitos/core';
import type { KitosRegistrationWriter, KitosWriteOptions, RegistrationPatch } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { listEditStrings } from '../../i18n/list-edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import type { Draft } from './record-draft.js';
import { type EditChoices, KitosRecordEditor } from './record-editor.js';
import {
  REGISTRATION_FIELDS,
  REGISTRATION_GATES,
  REGISTRATION_GROUPS,
  validateRegistrationDraft,
} from './registration-draft.js';

/** The edit form of one registration. Internal: `<kitos-registration-card>` shows it in its edit mode. */
export class KitosRegistrationEditor extends KitosRecordEditor<DataProcessingRegistration> {
  protected readonly kind = 'registrations';
  protected readonly fields = REGISTRATION_FIELDS;
  protected readonly groups = REGISTRATION_GROUPS;
  protected readonly operations = { read: 'registrationRecord', write: 'patchRegistration' };
  protected override readonly gates = REGISTRATION_GATES;

  private get writer(): KitosRegistrationWriter {
    return this.client as KitosRegistrationWriter;
  }

  protected readRecord(uuid: string): Promise<DataProcessingRegistration> {
    return this.writer.registrationRecord(uuid);
  }

  protected readChoices(organizationUuid: string): Promise<EditChoices> {
    return this.writer.registrationEditChoices(organizationUuid);
  }

  protected write(
    uuid: string,
    patch: Record<string, unknown>,
    options: KitosWriteOptions,
  ): Promise<DataProcessingRegistration> {
    return this.writer.patchRegistration(uuid, patch as RegistrationPatch, options);
  }

  protected validate(base: Draft, draft: Draft): ValidationIssue[] {
    return validateRegistrationDraft(base, draft);
  }

  protected labelsOf(t: EditStrings): Readonly<Record<string, string>> {
    return { ...t.registrationFields, ...listEditStrings(toLang(this.lang)).registrationFields };
  }

  protected groupTitle(t: EditStrings, group: string): string {
    return t.registrationGroups[group as keyof EditStrings['registrationGroups']] ?? group;
  }

  protected forbiddenText(t: EditStrings): string {
    return t.registrationForbidden;
  }
}

if (!customElements.get('kitos-registration-editor'))
  customElements.define('kitos-registration-editor', KitosRegistrationEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-registration-editor': KitosRegistrationEditor;
  }
}
