import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import '../components/notifications/notifications.js';
import { property, state } from 'lit/decorators.js';
import type { KitosChange, KitosClient } from '../data/client.js';
import type { EditStrings } from '../i18n/edit-strings.js';
import { KitosElement } from './kitos-element.js';
import { fillLinkTemplate, isPlainClick } from './links.js';
import { coalesced, LiveUpdates, touches, uuidsIn } from './live.js';

/**
 * Base class of the detail cards: one entity by `uuid`, loaded through the client whenever the
 * client or the uuid changes; a late answer to an earlier request is dropped. With a client that
 * has live updates, the card loads again (keeping what it shows until the answer) when a change
 * names the entity or a record the card shows.
 */
export abstract class KitosCardElement<T extends { readonly organizationUuid: string }> extends KitosElement {
  /** The entity to show. */
  @property()
  uuid = '';

  /** Link for editing the entity in KITOS, shown only with modify permission, e.g. `/usages/{uuid}/edit`. */
  @property({ attribute: 'edit-link-template' })
  editLinkTemplate = '';

  /** Heading level of the card's title (2–6, default 2), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /**
   * Show the record's reminders below the card (what will be e-mailed when, what was sent, what did
   * not arrive), as `<kitos-notifications>` for this record. Needs a client with `reminders`.
   */
  @property({ type: Boolean })
  reminders = false;

  /** `edit` while the edit mode is open; `deleted` after the user deleted the record here. */
  @state() protected mode: 'view' | 'edit' | 'deleted' = 'view';
  /** True while the delete confirmation is open. */
  @state() protected confirmingDelete = false;
  /** What the card says after its own save or delete (read out by the live region). */
  @state() protected announcement = '';

  /** The loaded card, once `phase` is `ready`. */
  @state() protected data: T | undefined;
  /** Where loading stands. */
  @state() protected phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private source: { client: KitosClient | undefined; uuid: string } | null = null;
  private request = 0;
  private mentioned = new Set<string>();
  private readonly live = new LiveUpdates((change) => this.onChange(change));
  private readonly reload = coalesced(async () => {
    const client = this.activeClient;
    if (client && this.uuid) await this.load(client, this.uuid, true);
  });

  /**
   * A record the card names, as a link made from `template` (with `{uuid}` filled in) that first
   * announces `kitos-select`, so the page may handle the click itself (by cancelling the event);
   * without a template, the plain name.
   */
  protected recordLink(
    ref: { readonly uuid: string; readonly name: string },
    template: string,
    kind: 'usages' | 'contracts',
  ): TemplateResult | string {
    const href = fillLinkTemplate(template, ref.uuid);
    if (!href) return ref.name;
    const onClick = (e: MouseEvent) => {
      if (!isPlainClick(e)) return;
      if (!this.emit('kitos-select', { kind, uuid: ref.uuid, href }, { cancelable: true })) e.preventDefault();
    };
    return html`<a href=${href} @click=${onClick}>${ref.name}</a>`;
  }

  /** The reminders section of a loaded card (with the `reminders` attribute), one heading level below the title. */
  protected renderReminders(d: T & { readonly uuid: string }): TemplateResult | typeof nothing {
    if (!this.reminders) return nothing;
    return html`<kitos-notifications
      part="reminders"
      organization-uuid=${d.organizationUuid}
      entity-uuid=${d.uuid}
      heading-level=${Math.min(6, this.headingLevel + 1)}
      lang=${this.language}
      .client=${this.activeClient}
    ></kitos-notifications>`;
  }

  /**
   * Opens the edit mode once `chunk` (the editor's code, a chunk of its own that read-only embeds
   * never load) is there.
   */
  protected async openEditMode(chunk: () => Promise<unknown>): Promise<void> {
    await chunk();
    this.announcement = '';
    this.mode = 'edit';
  }

  /** Leaves the edit mode; after a save, says so and loads the card again. Focus returns to "Redigér". */
  protected async closeEditMode(saved: boolean): Promise<void> {
    this.mode = 'view';
    if (saved) {
      const { editStrings } = await import('../i18n/edit-strings.js');
      this.announcement = editStrings(this.language).saved;
      this.refresh();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus();
  }

  /** Opens the delete confirmation once its code (`chunk`) is there. */
  protected async openDeleteMode(chunk: () => Promise<unknown>): Promise<void> {
    await chunk();
    this.confirmingDelete = true;
  }

  /**
   * Closes the delete confirmation: after a delete the card says `said` and shows nothing else;
   * otherwise focus returns to the delete button.
   */
  protected async closeDeleteMode(deleted: boolean, said: (t: EditStrings) => string): Promise<void> {
    this.confirmingDelete = false;
    if (deleted) {
      const { editStrings } = await import('../i18n/edit-strings.js');
      this.announcement = said(editStrings(this.language));
      this.mode = 'deleted';
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="delete-button"]')?.focus();
  }

  /**
   * The edit and delete buttons of a card whose client writes (nothing without a writer or without
   * either permission), and the delete confirmation while it is open. Each card gives its own edit
   * and delete code to load on first use, the delete button's words and the confirmation element.
   */
  protected renderRecordActions(a: {
    readonly writes: boolean;
    readonly permissions: { readonly modify: boolean; readonly delete: boolean };
    readonly editLabel: string;
    readonly deleteLabel: string;
    readonly editor: () => Promise<unknown>;
    readonly deleteDialog: () => Promise<unknown>;
    readonly confirmation: () => TemplateResult;
  }): TemplateResult | typeof nothing {
    if (!a.writes || !(a.permissions.modify || a.permissions.delete)) return nothing;
    return html`<div part="actions">
      ${
        a.permissions.modify
          ? html`<button type="button" part="edit-button" aria-describedby="title"
            @click=${() => this.openEditMode(a.editor)}>${a.editLabel}</button>`
          : nothing
      }
      ${
        a.permissions.delete
          ? html`<button type="button" part="delete-button" aria-describedby="title"
            @click=${() => this.openDeleteMode(a.deleteDialog)}>${a.deleteLabel}</button>`
          : nothing
      }
      ${this.confirmingDelete ? a.confirmation() : nothing}
    </div>`;
  }

  /** The card's live region: one for its lifetime, so what it says after a save or delete is read out. */
  protected renderLive(): TemplateResult {
    return html`<div part="live" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** The client call that loads the card, and its name for `kitos-error`. */
  protected abstract fetchCard(client: KitosClient, uuid: string): Promise<T>;
  protected abstract readonly operation: string;
  /** Kinds of record the card shows without naming them (e.g. the catalogue system of a usage). */
  protected readonly liveKinds: ReadonlySet<string> = new Set();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.data) this.live.sync(this.activeClient, this.data.organizationUuid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live.close();
  }

  /** Loads the card again, keeping what it shows until the answer (after the card's own write). */
  protected refresh(): void {
    this.reload();
  }

  private onChange(change: KitosChange): void {
    if (this.phase === 'ready' && touches(change, this.mentioned, this.liveKinds)) this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another record (or the same one again) starts in view mode.
    if (changed.has('uuid')) this.mode = 'view';
    super.willUpdate(changed);
    const client = this.activeClient;
    const source = this.source;
    if (source && source.client === client && source.uuid === this.uuid) return;
    this.source = { client, uuid: this.uuid };
    if (client && this.uuid) void this.load(client, this.uuid);
  }

  private async load(client: KitosClient, uuid: string, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) this.phase = 'loading';
    try {
      const data = await this.fetchCard(client, uuid);
      if (request !== this.request) return;
      this.data = data;
      this.mentioned = uuidsIn(data);
      this.phase = 'ready';
      if (this.isConnected) this.live.sync(client, data.organizationUuid);
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError(this.operation, error);
    }
  }
}
