/**
 * `<kitos-project-editor>`: the edit mode of `<kitos-project-card>`, loaded by the card on first use
 * (read-only embeds never load it). Fields grouped as KITOS's project module grouped them: general
 * (name, type, project id, priority, descriptions), phases and status (the current phase, the
 * reported traffic light, the five phases with their names and dates dd-MM-yyyy), and links (parent
 * project, units, the usages and contracts it concerns). Partners (a joint project's other
 * organisations) are shown on the card, not edited here.
 */
import type { Project, ValidationIssue } from '@os2kitos/core';
import type { KitosProjectWriter, KitosWriteOptions, ProjectPatch } from '../../data/client.js';
import type { EditStrings } from '../../i18n/edit-strings.js';
import { PROJECT_FIELDS, PROJECT_GROUPS, projectPatchOfDraft, validateProjectDraft } from './project-draft.js';
import type { Draft } from './record-draft.js';
import { type EditChoices, KitosRecordEditor } from './record-editor.js';

/** The edit form of one project. Internal: `<kitos-project-card>` shows it in its edit mode. */
export class KitosProjectEditor extends KitosRecordEditor<Project> {
  protected readonly kind = 'projects';
  protected readonly fields = PROJECT_FIELDS;
  protected readonly groups = PROJECT_GROUPS;
  protected readonly operations = { read: 'projectRecord', write: 'patchProject' };

  /** The record read last: its phase names are the current phase's choices. */
  private lastRead: Project | undefined;
  /**
   * The form as last checked. The form checks the draft on every change and once more right before
   * it writes, so this is the draft the write is made of: the patch is built from it in the core's
   * shape (all five phases, the whole status), by the same function the checks run.
   */
  private checked: { base: Draft; draft: Draft } | undefined;

  private get writer(): KitosProjectWriter {
    return this.client as KitosProjectWriter;
  }

  protected async readRecord(uuid: string): Promise<Project> {
    this.lastRead = await this.writer.projectRecord(uuid);
    return this.lastRead;
  }

  protected async readChoices(organizationUuid: string): Promise<EditChoices> {
    const choices = await this.writer.projectEditChoices(organizationUuid);
    const self = this.lastRead?.uuid;
    const phases = (this.lastRead?.phases ?? []).map((p, i) => ({
      uuid: String(i + 1),
      name: `${i + 1}. ${p.name}`,
      description: null,
    }));
    // A project cannot be its own parent; the core refuses a cycle further down and says so at the field.
    const projects = choices.options.projects.filter((p) => p.uuid !== self);
    return { ...choices, options: { ...choices.options, projects, phases } };
  }

  protected write(uuid: string, patch: Record<string, unknown>, options: KitosWriteOptions): Promise<Project> {
    const full = this.checked ? projectPatchOfDraft(this.checked.base, this.checked.draft).patch : patch;
    return this.writer.patchProject(uuid, full as ProjectPatch, options).then((saved) => {
      this.lastRead = saved;
      return saved;
    });
  }

  protected validate(base: Draft, draft: Draft): ValidationIssue[] {
    this.checked = { base, draft };
    return validateProjectDraft(base, draft);
  }

  protected labelsOf(t: EditStrings): Readonly<Record<string, string>> {
    return t.projectFields;
  }

  protected groupTitle(t: EditStrings, group: string): string {
    return t.projectGroups[group as keyof EditStrings['projectGroups']] ?? group;
  }

  protected forbiddenText(t: EditStrings): string {
    return t.projectForbidden;
  }
}

if (!customElements.get('kitos-project-editor')) customElements.define('kitos-project-editor', KitosProjectEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-project-editor': KitosProjectEditor;
  }
}
