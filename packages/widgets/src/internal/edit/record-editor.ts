/**
 * The edit form every card's edit mode is: fields grouped as in KITOS, checked with the core's
 * schemas as the user types, the server's answer shown at the field it concerns, and a save someone
 * else beat handled without losing what the user typed (the fields they changed are named; the user
 * loads their version or saves on top of it). Each kind of record subclasses it with its fields, its
 * groups and its client methods (usage-editor.ts, contract-editor.ts). Loaded only with the edit modes.
 */
import { KitosConflictError, KitosForbiddenError, KitosValidationError, type ValidationIssue } from '@os2kitos/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosClient, KitosWriteOptions, OptionChoice, UnitTreeNode, UserChoice } from '../../data/client.js';
import type {} from '../../events/kitos-conflict.js';
import type { KitosRecordKind } from '../../events/kitos-saved.js';
import { type EditStrings, editStrings } from '../../i18n/edit-strings.js';
import { listEditStrings } from '../../i18n/list-edit-strings.js';
import { type Lang, strings, toLang } from '../../i18n/strings.js';
import { valueLabel } from '../cells.js';
import { emit } from '../emit.js';
import { baseStyles } from '../styles.js';
import { editStyles } from './edit-styles.js';
import { listEditor, listStyles } from './list-editor.js';
import {
  changedFieldKeys,
  type Draft,
  type DraftValue,
  draftOfRecord,
  enumValues,
  type FieldSpec,
  fieldKeyIn,
  fieldOfKey,
  gateOpen,
  patchOfDraft,
  roleKey,
} from './record-draft.js';
import { issueText } from './usage-validate.js';

/** What a record needs to be edited: its identity, organisation and version. */
export interface EditableRecord {
  readonly uuid: string;
  readonly organizationUuid: string;
  readonly version: number;
}

/** What an edit form offers: option lists by the fields' `options` keys, role holders, organisations. */
export interface EditChoices {
  readonly options: Readonly<Record<string, readonly OptionChoice[]>>;
  readonly users: readonly UserChoice[];
  readonly organizations: readonly { readonly uuid: string; readonly name: string }[];
}

/** A conflict being shown: the newer record and what each side changed. */
interface Conflict<R> {
  readonly theirs: R;
  readonly theirFields: readonly string[];
  readonly bothFields: readonly string[];
}

/** From how many units the unit picker offers a filter (a short list is read at a glance). */
const UNIT_FILTER_FROM = 3;
/** From how many choices a checkbox list offers a filter and scrolls in a box of its own. */
const CHOICE_FILTER_FROM = 10;

const idOf = (key: string) => `f-${key.replaceAll('.', '-')}`;

/** The edit form of one record. Internal: the cards show a subclass in their edit modes. */
export abstract class KitosRecordEditor<R extends EditableRecord> extends LitElement {
  static override styles = [baseStyles, editStyles, listStyles];

  /** A client with the kind's write methods (the subclass checks which). */
  @property({ attribute: false }) client: KitosClient | undefined;
  @property() uuid = '';
  @property() override lang = 'da';
  /** The record's name, for the form's title. */
  @property({ attribute: 'record-name' }) recordName = '';
  /** Called when the user leaves the edit mode without saving. */
  @property({ attribute: false }) onCancel: (() => void) | undefined;

  /** The kind, as the events name it. */
  protected abstract readonly kind: KitosRecordKind;
  /** The fields, in order. */
  protected abstract readonly fields: readonly FieldSpec[];
  /** The groups, in order (each a fieldset). */
  protected abstract readonly groups: readonly string[];
  /** The `operation` of a `kitos-error` when reading or writing failed. */
  protected abstract readonly operations: { readonly read: string; readonly write: string };
  /** Gate questions and the details they open (only when answered Yes). */
  protected readonly gates: ReadonlyMap<string, readonly string[]> = new Map();
  /** Reads the record as stored. */
  protected abstract readRecord(uuid: string): Promise<R>;
  /** Reads what the form offers in the record's organisation. */
  protected abstract readChoices(organizationUuid: string): Promise<EditChoices>;
  /** Writes a patch at the version the form was read at. */
  protected abstract write(uuid: string, patch: Record<string, unknown>, options: KitosWriteOptions): Promise<R>;
  /** Everything the core's checks find in the draft, before anything is sent. */
  protected abstract validate(base: Draft, draft: Draft): ValidationIssue[];
  /** Field labels by key. */
  protected abstract labelsOf(t: EditStrings): Readonly<Record<string, string>>;
  /** A group's title. */
  protected abstract groupTitle(t: EditStrings, group: string): string;
  /** What the form says when the actor may not change the record. */
  protected abstract forbiddenText(t: EditStrings): string;

  @state() private record: R | undefined;
  @state() private base: Draft = {};
  @state() private draft: Draft = {};
  @state() private choices: EditChoices = { options: {}, users: [], organizations: [] };
  /** The role and user picked in the "add role" row. */
  @state() private newRole = { roleUuid: '', userUuid: '' };
  @state() private units: readonly UnitTreeNode[] = [];
  /** Issues from typing (the core's schemas in the page). */
  @state() private typed: Map<string, string> = new Map();
  /** Issues the client answered the last save with, until the field is changed. */
  @state() private answered: Map<string, string> = new Map();
  /** The message the live region reads out. */
  @state() private announcement = '';
  @state() private phase: 'loading' | 'ready' | 'saving' | 'failed' = 'loading';
  @state() private conflict: Conflict<R> | undefined;
  /** What the unit picker is filtered by (a part of a unit's name). */
  @state() private unitFilter = '';
  /** What each long checkbox list is filtered by, by field key. */
  @state() private choiceFilters: ReadonlyMap<string, string> = new Map();
  /** Fields the user touched, so untouched fields do not show errors while typing elsewhere. */
  private touched = new Set<string>();
  private submitted = false;

  private get t(): EditStrings {
    return editStrings(this.language);
  }

  private get language(): Lang {
    return toLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('uuid')) && this.client && this.uuid) void this.load();
  }

  private async load(): Promise<void> {
    const client = this.client as KitosClient;
    this.phase = 'loading';
    try {
      const record = await this.readRecord(this.uuid);
      const [choices, units] = await Promise.all([
        this.readChoices(record.organizationUuid),
        client.unitTree(record.organizationUuid),
      ]);
      this.choices = choices;
      this.units = units;
      this.start(record, this.draftOf(record));
      this.phase = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } catch (error) {
      this.phase = 'failed';
      emit(this, 'kitos-error', { operation: this.operations.read, error });
    }
  }

  private draftOf(record: R): Draft {
    return draftOfRecord(this.fields, record);
  }

  private changedKeys(from: Draft, to: Draft): string[] {
    return changedFieldKeys(this.fields, from, to);
  }

  private fieldKeyOf(i: ValidationIssue): string {
    return fieldKeyIn(this.fields, i);
  }

  /** Starts editing `record` with `draft` in the inputs. */
  private start(record: R, draft: Draft): void {
    this.record = record;
    this.base = this.draftOf(record);
    this.draft = draft;
    this.answered = new Map();
    this.revalidate();
  }

  private revalidate(): void {
    const messages = new Map<string, string>();
    for (const i of this.validate(this.base, this.draft)) messages.set(this.fieldKeyOf(i), this.message(i));
    this.typed = messages;
  }

  private message(i: { code: string; path: readonly (string | number)[]; message: string }): string {
    // The core's catalogue speaks of ISO dates; the form takes Danish ones.
    if (i.code === 'invalid-date') return this.t.invalidDate;
    return issueText(i as never, this.language);
  }

  private set(key: string, value: DraftValue): void {
    this.draft = { ...this.draft, [key]: value };
    this.touched.add(key);
    // The server's answer at the field, or at a row or cell of a list, goes once the field changes.
    const answeredHere = [...this.answered.keys()].filter((k) => k === key || k.startsWith(`${key}.`));
    if (answeredHere.length) {
      const answered = new Map(this.answered);
      for (const k of answeredHere) answered.delete(k);
      this.answered = answered;
    }
    this.revalidate();
  }

  /** The message shown at a field: the server's answer first, then the core's check once touched. */
  private errorOf(key: string): string | undefined {
    const touched = this.touched.has(fieldOfKey(this.fields, key)?.key ?? key);
    return this.answered.get(key) ?? (this.submitted || touched ? this.typed.get(key) : undefined);
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    const client = this.client;
    const record = this.record;
    if (!client || !record || this.phase === 'saving') return;
    this.submitted = true;
    this.revalidate();
    const shown = [...this.typed.keys()].filter((k) => this.isShown(k));
    if (shown.length) {
      this.announcement = this.t.fixErrors(shown.length);
      await this.updateComplete;
      this.focusField(shown[0] as string);
      return;
    }
    const { patch } = patchOfDraft(this.fields, this.base, this.draft);
    const fields = this.changedKeys(this.base, this.draft);
    if (!Object.keys(patch).length && !fields.length) {
      this.announcement = this.t.nothingChanged;
      return;
    }
    this.phase = 'saving';
    this.announcement = this.t.saving;
    try {
      const saved = await this.write(this.uuid, patch, { expectedVersion: record.version });
      this.phase = 'ready';
      this.conflict = undefined;
      this.start(saved, this.draftOf(saved));
      this.announcement = this.t.saved;
      emit(this, 'kitos-saved', {
        kind: this.kind,
        uuid: saved.uuid,
        action: 'update',
        version: saved.version,
        fields,
      });
    } catch (error) {
      this.phase = 'ready';
      await this.refused(error, record);
    }
  }

  private async refused(error: unknown, record: R): Promise<void> {
    if (error instanceof KitosValidationError) {
      const answered = new Map<string, string>();
      for (const i of error.issues) answered.set(this.fieldKeyOf(i), this.message(i));
      this.answered = answered;
      this.announcement = this.t.serverRefused;
      await this.updateComplete;
      const first = [...answered.keys()].find((k) => k !== '');
      if (first) this.focusField(first);
      return;
    }
    if (error instanceof KitosConflictError && error.context.code !== 'duplicate') {
      await this.showConflict(record);
      return;
    }
    this.announcement = error instanceof KitosForbiddenError ? this.forbiddenText(this.t) : this.t.saveFailed;
    emit(this, 'kitos-error', { operation: this.operations.write, error });
  }

  private async showConflict(record: R): Promise<void> {
    try {
      const theirs = await this.readRecord(this.uuid);
      const theirFields = this.changedKeys(this.base, this.draftOf(theirs));
      const mine = new Set(this.changedKeys(this.base, this.draft));
      const bothFields = theirFields.filter((k) => mine.has(k));
      this.conflict = { theirs, theirFields, bothFields };
      this.announcement = `${this.t.conflictTitle}. ${this.t.conflictText(this.labels(theirFields))}`;
      emit(this, 'kitos-conflict', {
        kind: this.kind,
        uuid: this.uuid,
        expectedVersion: record.version,
        actualVersion: theirs.version,
        theirFields,
        bothFields,
      });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="conflict"] button')?.focus();
    } catch (error) {
      this.announcement = this.t.saveFailed;
      emit(this, 'kitos-error', { operation: this.operations.read, error });
    }
  }

  /** Discards the user's changes and edits the newer record. */
  private reloadTheirs(): void {
    const c = this.conflict;
    if (!c) return;
    this.conflict = undefined;
    this.touched.clear();
    this.start(c.theirs, this.draftOf(c.theirs));
    this.announcement = '';
    this.focusField(this.fields[0]?.key ?? '');
  }

  /** Puts the user's changes on top of the newer record and saves again at its version. */
  private async reapply(): Promise<void> {
    const c = this.conflict;
    if (!c) return;
    const mine = this.changedKeys(this.base, this.draft);
    const next: Record<string, DraftValue> = { ...this.draftOf(c.theirs) };
    for (const key of mine) next[key] = this.draft[key] as DraftValue;
    this.conflict = undefined;
    this.start(c.theirs, next);
    await this.save();
  }

  private cancel(): void {
    this.onCancel?.();
  }

  private isShown(key: string): boolean {
    const f = fieldOfKey(this.fields, key);
    return !!f && gateOpen(this.draft, f);
  }

  private focusField(key: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${idOf(key)}`)?.focus();
  }

  private labels(keys: readonly string[]): string {
    const labels = this.labelsOf(this.t);
    return keys.map((k) => labels[k] ?? k).join(', ');
  }

  private describedBy(key: string, extra: string[] = []): string {
    return [...extra, this.errorOf(key) ? `${idOf(key)}-error` : ''].filter(Boolean).join(' ');
  }

  private control(f: FieldSpec): TemplateResult {
    const { t } = this;
    const id = idOf(f.key);
    const value = this.draft[f.key] ?? '';
    const error = this.errorOf(f.key);
    const theirs = this.conflict?.theirFields.includes(f.key);
    const label = this.labelsOf(t)[f.key] ?? f.key;
    const onInput = (e: Event) => this.set(f.key, (e.target as HTMLInputElement).value);
    const common = { id, invalid: error ? 'true' : 'false' };
    let input: TemplateResult;
    const gateDetails = this.gates.get(f.key);
    const hints: string[] = [];
    if (f.kind === 'date') hints.push(`${id}-hint`);
    if (gateDetails) hints.push(`${id}-gate`);
    if (f.kind === 'unit' && f.unitsFrom) hints.push(`${id}-hint`);
    // An option's local description, under the list, read with it.
    const described = f.kind === 'option' ? this.optionsOf(f).find((o) => o.uuid === value)?.description : undefined;
    if (described) hints.push(`${id}-desc`);
    const describedBy = this.describedBy(f.key, hints) || nothing;
    switch (f.kind) {
      case 'textarea':
        input = html`<textarea id=${id} rows="3" maxlength=${f.max ?? nothing} aria-invalid=${common.invalid}
          aria-describedby=${describedBy} .value=${value as string} @input=${onInput}></textarea>`;
        break;
      case 'bool':
        input = html`<input id=${id} type="checkbox" aria-invalid=${common.invalid}
          aria-describedby=${describedBy} .checked=${value === 'true'}
          @change=${(e: Event) => this.set(f.key, (e.target as HTMLInputElement).checked ? 'true' : 'false')} />`;
        break;
      case 'yes-no':
        input = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${describedBy} @change=${onInput}>
          <option value="" ?selected=${value === ''}>${t.choose}</option>
          <option value="true" ?selected=${value === 'true'}>${strings(this.language).yes}</option>
          <option value="false" ?selected=${value === 'false'}>${strings(this.language).no}</option>
        </select>`;
        break;
      case 'enum':
      case 'option':
      case 'organization':
      case 'unit': {
        const options =
          f.kind === 'enum'
            ? enumValues(f.enumName as never).map((v) => ({
                value: v,
                label: valueLabel(v, f.enumName, this.language),
              }))
            : f.kind === 'option'
              ? this.optionsOf(f).map((o) => ({ value: o.uuid, label: o.name }))
              : f.kind === 'organization'
                ? this.choices.organizations.map((o) => ({ value: o.uuid, label: o.name }))
                : this.unitOptions(f);
        input = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${describedBy} @change=${onInput}>
          <option value="" ?selected=${value === ''}>${t.choose}</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>`;
        break;
      }
      case 'enum-set':
      case 'option-set':
      case 'organization-set':
        return this.checkboxes(f, label, error, theirs);
      case 'units':
        return this.unitPicker(f, label, error, theirs);
      case 'roles':
        return this.rolesEditor(f, label, error, theirs);
      case 'list':
        return this.listField(f, label, !!theirs);
      default:
        input = html`<input id=${id} type="text" autocomplete="off" maxlength=${f.max ?? nothing}
          inputmode=${f.kind === 'number' ? 'numeric' : f.kind === 'date' ? 'numeric' : nothing}
          placeholder=${f.kind === 'date' ? t.dateHint : nothing} aria-invalid=${common.invalid}
          aria-describedby=${describedBy} .value=${value as string} @input=${onInput} />`;
    }
    const closing = gateDetails?.filter((d) => {
      const v = this.base[d];
      return this.draft[f.key] !== 'Yes' && this.base[f.key] === 'Yes' && (Array.isArray(v) ? v.length : v);
    });
    return html`<div part=${f.kind === 'bool' ? 'field check-field' : 'field'} class=${f.kind === 'textarea' ? 'wide' : ''}
      data-field=${f.key}>
      <label for=${id}>${label}</label>
      ${input}
      ${described ? html`<span part="hint option-description" id=${`${id}-desc`}>${described}</span>` : nothing}
      ${f.kind === 'date' ? html`<span part="hint" id=${`${id}-hint`}>${t.dateHint}</span>` : nothing}
      ${f.kind === 'unit' && f.unitsFrom ? html`<span part="hint" id=${`${id}-hint`}>${t.responsibleHint}</span>` : nothing}
      ${gateDetails ? html`<span part="hint" id=${`${id}-gate`}>${t.gateHint}</span>` : nothing}
      ${closing?.length ? html`<span part="hint warning">${t.gateClears(this.labels(closing))}</span>` : nothing}
      ${theirs ? html`<span part="changed">${t.changedByOthers}</span>` : nothing}
      ${error ? html`<span part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  /** A list field's rows (list-editor.ts), kept in the draft like any other field. */
  private listField(f: FieldSpec, label: string, theirs: boolean): TemplateResult {
    return listEditor({
      field: f,
      label,
      rows: () => (this.draft[f.key] ?? []) as readonly string[],
      lang: this.language,
      t: this.t,
      words: listEditStrings(this.language),
      errorAt: (key) => this.errorOf(key),
      set: (rows) => this.set(f.key, rows),
      announce: (text) => {
        this.announcement = text;
      },
      focus: (id) => {
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
      },
      options: (key) => this.choices.options[key] ?? [],
      organizations: this.choices.organizations,
      units: this.flatUnits().map((u) => ({
        value: u.node.uuid,
        label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.node.name}`,
      })),
      theirs,
    });
  }

  /** A set of choices as checkboxes: an enumeration's values, an option list, or organisations. */
  private checkboxes(f: FieldSpec, label: string, error: string | undefined, theirs: boolean | undefined) {
    const id = idOf(f.key);
    const chosen = (this.draft[f.key] ?? []) as readonly string[];
    const toggle = (v: string, on: boolean) => this.set(f.key, on ? [...chosen, v] : chosen.filter((x) => x !== v));
    const items =
      f.kind === 'enum-set'
        ? enumValues(f.enumName as never).map((v) => ({ value: v, label: valueLabel(v, f.enumName, this.language) }))
        : f.kind === 'option-set'
          ? this.optionsOf(f).map((o) => ({ value: o.uuid, label: o.name }))
          : this.choices.organizations.map((o) => ({ value: o.uuid, label: o.name }));
    // A long list (every organisation as data processor) is filtered by name and scrolls in a box;
    // ticked choices stay in view so a choice never disappears.
    const long = items.length >= CHOICE_FILTER_FROM;
    const needle = (this.choiceFilters.get(f.key) ?? '').trim().toLocaleLowerCase('da');
    const matching = needle
      ? items.filter((i) => chosen.includes(i.value) || i.label.toLocaleLowerCase('da').includes(needle))
      : items;
    // In a long list the ticked choices come first, so what is chosen is seen without scrolling.
    const shown = long
      ? [...matching.filter((i) => chosen.includes(i.value)), ...matching.filter((i) => !chosen.includes(i.value))]
      : matching;
    const list = shown.map(
      (i) => html`<label class="check"><input type="checkbox" .checked=${chosen.includes(i.value)}
        @change=${(e: Event) => toggle(i.value, (e.target as HTMLInputElement).checked)} />
        ${i.label}</label>`,
    );
    const filterId = `${id}-filter`;
    // A set that opens details (the personal data level opens its kinds) says so.
    const gate = this.gates.has(f.key);
    return html`<fieldset part="field choices" class="wide" data-field=${f.key} id=${id} tabindex="-1"
      aria-describedby=${this.describedBy(f.key, gate ? [`${id}-gate`] : []) || nothing}>
      <legend>${label}</legend>
      ${
        long
          ? html`<label class="filter" for=${filterId}>${this.t.findChoice}</label>
              <input id=${filterId} type="search" autocomplete="off" .value=${this.choiceFilters.get(f.key) ?? ''}
                @input=${(e: Event) => {
                  const next = new Map(this.choiceFilters);
                  next.set(f.key, (e.target as HTMLInputElement).value);
                  this.choiceFilters = next;
                }} />
              <div part="choice-list">${list}</div>`
          : nothing
      }
      ${long ? nothing : items.length ? list : html`<p part="hint">${this.t.noOptions}</p>`}
      ${gate ? html`<span part="hint" id=${`${id}-gate`}>${listEditStrings(this.language).personalDataGate}</span>` : nothing}
      ${theirs ? html`<span part="changed">${this.t.changedByOthers}</span>` : nothing}
      ${error ? html`<span part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </fieldset>`;
  }

  /** Every unit of the tree, depth first, with its depth. */
  private flatUnits(): { node: UnitTreeNode; depth: number }[] {
    const out: { node: UnitTreeNode; depth: number }[] = [];
    const walk = (nodes: readonly UnitTreeNode[], depth: number) => {
      for (const node of nodes) {
        out.push({ node, depth });
        walk(node.children, depth + 1);
      }
    };
    walk(this.units, 0);
    return out;
  }

  /**
   * The units whose name contains the filter, with their parent units, so a match is seen in its
   * place in the tree; checked units stay in view so a choice never disappears.
   */
  private filteredUnits(all: { node: UnitTreeNode; depth: number }[]): { node: UnitTreeNode; depth: number }[] {
    const needle = this.unitFilter.trim().toLocaleLowerCase('da');
    if (!needle) return all;
    const chosen = new Set(
      this.fields.filter((f) => f.kind === 'units').flatMap((f) => (this.draft[f.key] ?? []) as readonly string[]),
    );
    const parent = new Map(all.map((u) => [u.node.uuid, u.node.parentUuid]));
    const shown = new Set<string>();
    for (const { node } of all) {
      if (!node.name.toLocaleLowerCase('da').includes(needle) && !chosen.has(node.uuid)) continue;
      for (let at: string | null | undefined = node.uuid; at && !shown.has(at); at = parent.get(at)) shown.add(at);
    }
    return all.filter((u) => shown.has(u.node.uuid));
  }

  /** The option list of a field, as available in the organisation. */
  private optionsOf(f: FieldSpec): readonly OptionChoice[] {
    return this.choices.options[f.options ?? ''] ?? [];
  }

  /**
   * The units a single-unit field offers: the whole tree (indented by depth), or only those of the
   * list field it must be one of (a usage's responsible unit is one of its relevant units).
   */
  private unitOptions(f: FieldSpec): { value: string; label: string }[] {
    const within = f.unitsFrom ? new Set((this.draft[f.unitsFrom] ?? []) as readonly string[]) : undefined;
    return this.flatUnits()
      .filter((u) => !within || within.has(u.node.uuid) || u.node.uuid === this.draft[f.key])
      .map((u) => ({
        value: u.node.uuid,
        label: within ? u.node.name : `${'\u00a0\u00a0'.repeat(u.depth)}${u.node.name}`,
      }));
  }

  private unitPicker(f: FieldSpec, label: string, error: string | undefined, theirs: boolean | undefined) {
    const id = idOf(f.key);
    const chosen = (this.draft[f.key] ?? []) as readonly string[];
    const toggle = (v: string, on: boolean) => this.set(f.key, on ? [...chosen, v] : chosen.filter((x) => x !== v));
    const all = this.flatUnits();
    const units = this.filteredUnits(all);
    return html`<fieldset part="field units" class="wide" data-field=${f.key} id=${id} tabindex="-1"
      aria-describedby=${this.describedBy(f.key) || nothing}>
      <legend>${label}</legend>
      ${
        all.length > UNIT_FILTER_FROM
          ? html`<label class="filter" for="unit-filter">${this.t.findUnit}</label>
              <input id="unit-filter" type="search" autocomplete="off" .value=${this.unitFilter}
                @input=${(e: Event) => {
                  this.unitFilter = (e.target as HTMLInputElement).value;
                }} />`
          : nothing
      }
      ${
        units.length
          ? html`<div part="unit-tree">
            ${units.map(
              ({ node, depth }) => html`<label class="check" style=${`padding-inline-start:${depth * 1.25}rem`}>
                <input type="checkbox" .checked=${chosen.includes(node.uuid)}
                  @change=${(e: Event) => toggle(node.uuid, (e.target as HTMLInputElement).checked)} />
                ${node.name}</label>`,
            )}
          </div>`
          : html`<p part="hint">${this.t.noUnits}</p>`
      }
      ${theirs ? html`<span part="changed">${this.t.changedByOthers}</span>` : nothing}
      ${error ? html`<span part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </fieldset>`;
  }

  /** The role assignments: one row each with a remove button, and a row to add one. */
  private rolesEditor(f: FieldSpec, label: string, error: string | undefined, theirs: boolean | undefined) {
    const { t } = this;
    const id = idOf(f.key);
    const held = (this.draft[f.key] ?? []) as readonly string[];
    const roles = this.optionsOf(f);
    const roleName = (uuid: string) => roles.find((r) => r.uuid === uuid)?.name ?? uuid;
    const userName = (uuid: string) => this.choices.users.find((u) => u.uuid === uuid)?.name ?? uuid;
    const { roleUuid, userUuid } = this.newRole;
    const taken = !!roleUuid && !!userUuid && held.includes(roleKey(roleUuid, userUuid));
    const add = () => {
      if (!roleUuid || !userUuid || taken) return;
      this.set(f.key, [...held, roleKey(roleUuid, userUuid)]);
      this.newRole = { roleUuid: '', userUuid: '' };
      this.renderRoot.querySelector<HTMLElement>('#new-role')?.focus();
    };
    const remove = (key: string) => {
      this.set(
        f.key,
        held.filter((k) => k !== key),
      );
      this.renderRoot.querySelector<HTMLElement>('#new-role')?.focus();
    };
    return html`<fieldset part="field roles" class="wide" data-field=${f.key} id=${id} tabindex="-1"
      aria-describedby=${this.describedBy(f.key) || nothing}>
      <legend>${label}</legend>
      ${
        held.length
          ? html`<ul part="role-list">
            ${held.map((key) => {
              const [r = '', u = ''] = key.split('/');
              return html`<li>
                <span>${roleName(r)}: ${userName(u)}</span>
                <button type="button" part="remove-role" @click=${() => remove(key)}>
                  ${t.removeRole(roleName(r), userName(u))}
                </button>
              </li>`;
            })}
          </ul>`
          : html`<p part="hint">${t.noRoles}</p>`
      }
      <div part="add-role">
        <div part="field">
          <label for="new-role">${t.role}</label>
          <select id="new-role" @change=${(e: Event) => {
            this.newRole = { ...this.newRole, roleUuid: (e.target as HTMLSelectElement).value };
          }}>
            <option value="" ?selected=${roleUuid === ''}>${t.choose}</option>
            ${roles.map((o) => html`<option value=${o.uuid} ?selected=${o.uuid === roleUuid}>${o.name}</option>`)}
          </select>
        </div>
        <div part="field">
          <label for="new-role-user">${t.user}</label>
          <select id="new-role-user" aria-describedby=${taken ? 'new-role-taken' : nothing} @change=${(e: Event) => {
            this.newRole = { ...this.newRole, userUuid: (e.target as HTMLSelectElement).value };
          }}>
            <option value="" ?selected=${userUuid === ''}>${t.choose}</option>
            ${this.choices.users.map(
              (u) => html`<option value=${u.uuid} ?selected=${u.uuid === userUuid}>${u.name} (${u.email})</option>`,
            )}
          </select>
        </div>
        <button type="button" part="add-role-button" ?disabled=${!roleUuid || !userUuid || taken} @click=${add}>
          ${t.addRole}
        </button>
        ${taken ? html`<span part="hint warning" id="new-role-taken">${t.roleTaken}</span>` : nothing}
      </div>
      ${theirs ? html`<span part="changed">${t.changedByOthers}</span>` : nothing}
      ${error ? html`<span part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </fieldset>`;
  }

  private group(name: string): TemplateResult {
    // A gate question and its open details sit together in a box of their own, so it is plain
    // which fields the answer opens and closes.
    const fields = this.fields.filter((f) => f.group === name && !f.gate);
    return html`<fieldset part="group" data-group=${name}>
      <legend part="group-title">${this.groupTitle(this.t, name)}</legend>
      <div part="fields">
        ${fields.map((f) => {
          const details = this.gates.get(f.key);
          if (!details) return this.control(f);
          const open = this.fields.filter((d) => d.gate === f.key && gateOpen(this.draft, d));
          return html`<div part="gate" class="wide" data-gate=${f.key}>
            <div part="fields">${this.control(f)} ${open.map((d) => this.control(d))}</div>
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderConflict(c: Conflict<R>): TemplateResult {
    const { t } = this;
    return html`<section part="conflict" role="group" aria-labelledby="conflict-title">
      <p id="conflict-title"><strong>${t.conflictTitle}</strong></p>
      <p>${t.conflictText(this.labels(c.theirFields))}</p>
      ${c.bothFields.length ? html`<p>${t.conflictBoth(this.labels(c.bothFields))}</p>` : nothing}
      <p>${t.conflictKept}</p>
      <div part="actions">
        <button type="button" part="reapply" @click=${() => this.reapply()}>${t.reapply}</button>
        <button type="button" part="reload" @click=${() => this.reloadTheirs()}>${t.reload}</button>
      </div>
    </section>`;
  }

  override render() {
    const { t } = this;
    const live = html`<div part="live" role="status" aria-live="polite">${this.announcement}</div>`;
    const words = strings(this.language);
    if (this.phase === 'loading') return html`${live}<p part="message" aria-busy="true">${words.loading}</p>`;
    // The usage or its choices could not be read: nothing to edit (kitos-error says why); the user
    // can still leave the edit mode.
    if (this.phase === 'failed' || !this.record)
      return html`${live}<p part="error" role="alert">${words.loadFailed}</p>
        <div part="actions"><button type="button" part="cancel" @click=${() => this.cancel()}>${t.cancel}</button></div>`;
    const formError = this.answered.get('');
    return html`<form part="edit-form" novalidate aria-labelledby="edit-title" @submit=${(e: Event) => this.save(e)}>
      <p id="edit-title" class="visually-hidden">${t.editTitle(this.recordName)}</p>
      ${live} ${formError ? html`<p part="error">${formError}</p>` : nothing}
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${this.groups.map((g) => this.group(g))}
      <div part="actions">
        <button type="submit" part="save" ?disabled=${this.phase === 'saving' || !!this.conflict}>
          ${this.phase === 'saving' ? t.saving : t.save}
        </button>
        <button type="button" part="cancel" @click=${() => this.cancel()}>${t.cancel}</button>
      </div>
    </form>`;
  }
}
