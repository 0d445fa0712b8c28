/**
 * `<kitos-contract-editor>`: the edit mode of `<kitos-contract-card>`, loaded by the card on first
 * use (read-only embeds never load it). Fields grouped as in KITOS: the contract (type, template,
 * criticality, responsible unit, validity), the supplier, the agreement period and notice, the
 * economy (purchase, payment model), and the contract roles with a user picker.
 */
import type { Contract, ValidationIssue } from '@os2kitos/core';
import type { ContractPatch, KitosContractWriter, KitosWriteOptions } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { listEditStrings } from '../../i18n/list-edit-strings.js';
import { toLang } from '../../i18n/strings.js';
import { CONTRACT_FIELDS, CONTRACT_GROUPS, validateContractDraft } from './contract-draft.js';
import type { Draft } from './record-draft.js';
import { type EditChoices, KitosRecordEditor } from './record-editor.js';

/** The edit form of one contract. Internal: `<kitos-contract-card>` shows it in its edit mode. */
export class KitosContractEditor extends KitosRecordEditor<Contract> {
  protected readonly kind = 'contracts';
  protected readonly fields = CONTRACT_FIELDS;
  protected readonly groups = CONTRACT_GROUPS;
  protected readonly operations = { read: 'contractRecord', write: 'patchContract' };

  private get writer(): KitosContractWriter {
    return this.client as KitosContractWriter;
  }

  protected readRecord(uuid: string): Promise<Contract> {
    return this.writer.contractRecord(uuid);
  }

  protected readChoices(organizationUuid: string): Promise<EditChoices> {
    return this.writer.contractEditChoices(organizationUuid);
  }

  protected write(uuid: string, patch: Record<string, unknown>, options: KitosWriteOptions): Promise<Contract> {
    return this.writer.patchContract(uuid, patch as ContractPatch, options);
  }

  protected validate(base: Draft, draft: Draft): ValidationIssue[] {
    return validateContractDraft(base, draft);
  }

  protected labelsOf(t: EditStrings): Readonly<Record<string, string>> {
    return { ...t.contractFields, ...listEditStrings(toLang(this.lang)).contractFields };
  }

  protected groupTitle(t: EditStrings, group: string): string {
    return t.contractGroups[group as keyof EditStrings['contractGroups']] ?? group;
  }

  protected forbiddenText(t: EditStrings): string {
    return t.contractForbidden;
  }
}

if (!customElements.get('kitos-contract-editor')) customElements.define('kitos-contract-editor', KitosContractEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-editor': KitosContractEditor;
  }
}
