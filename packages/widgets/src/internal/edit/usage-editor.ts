/**
 * `<kitos-usage-editor>`: the edit mode of `<kitos-usage-card>`, loaded by the card on first use
 * (read-only embeds never load it). Fields grouped as in KITOS (general, organisation, roles, GDPR,
 * archiving with its journal periods); GDPR details open only when their question is answered Yes.
 */
import type { ItSystemUsage, ValidationIssue } from '@os2kitos/core';
import type { KitosUsageWriter, KitosWriteOptions, UsagePatch } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import type { Draft } from './record-draft.js';
import { type EditChoices, KitosRecordEditor } from './record-editor.js';
import { listEditStrings } from '../../i18n/list-edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { GATE_DETAILS, USAGE_FIELDS, USAGE_GROUPS, validateDraft } from './usage-draft.js';

/** The edit form of one usage. Internal: `<kitos-usage-card>` shows it in its edit mode. */
export class KitosUsageEditor extends KitosRecordEditor<ItSystemUsage> {
  protected readonly kind = 'usages';
  protected readonly fields = USAGE_FIELDS;
  protected readonly groups = USAGE_GROUPS;
  protected readonly operations = { read: 'usageRecord', write: 'patchUsage' };
  protected override readonly gates = GATE_DETAILS;

  private get writer(): KitosUsageWriter {
    return this.client as KitosUsageWriter;
  }

  protected readRecord(uuid: string): Promise<ItSystemUsage> {
    return this.writer.usageRecord(uuid);
  }

  protected async readChoices(organizationUuid: string): Promise<EditChoices> {
    const { users, organizations, ...options } = await this.writer.usageEditChoices(organizationUuid);
    return { options, users, organizations };
  }

  protected write(uuid: string, patch: Record<string, unknown>, options: KitosWriteOptions): Promise<ItSystemUsage> {
    return this.writer.patchUsage(uuid, patch as UsagePatch, options);
  }

  protected validate(base: Draft, draft: Draft): ValidationIssue[] {
    return validateDraft(base, draft);
  }

  protected labelsOf(t: EditStrings): Readonly<Record<string, string>> {
    return { ...t.fields, ...listEditStrings(toLang(this.lang)).usageFields };
  }

  protected groupTitle(t: EditStrings, group: string): string {
    if (group === 'archiving') return listEditStrings(toLang(this.lang)).archivingGroup;
    return t.groups[group as keyof EditStrings['groups']] ?? group;
  }

  protected forbiddenText(t: EditStrings): string {
    return t.forbidden;
  }
}

if (!customElements.get('kitos-usage-editor')) customElements.define('kitos-usage-editor', KitosUsageEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-editor': KitosUsageEditor;
  }
}
