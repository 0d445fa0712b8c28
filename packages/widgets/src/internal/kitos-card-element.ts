import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosClient } from '../data/client.js';
import { KitosElement } from './kitos-element.js';

/**
 * Base class of the detail cards: one entity by `uuid`, loaded through the client whenever the
 * client or the uuid changes; a late answer to an earlier request is dropped.
 */
export abstract class KitosCardElement<T> extends KitosElement {
  /** The entity to show. */
  @property()
  uuid = '';

  /** Link for editing the entity in KITOS, shown only with modify permission, e.g. `/usages/{uuid}/edit`. */
  @property({ attribute: 'edit-link-template' })
  editLinkTemplate = '';

  /** Heading level of the card's title (2–6, default 2), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** The loaded card, once `phase` is `ready`. */
  @state() protected data: T | undefined;
  /** Where loading stands. */
  @state() protected phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private source: { client: KitosClient | undefined; uuid: string } | null = null;
  private request = 0;

  /** The client call that loads the card, and its name for `kitos-error`. */
  protected abstract fetchCard(client: KitosClient, uuid: string): Promise<T>;
  protected abstract readonly operation: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const source = this.source;
    if (source && source.client === client && source.uuid === this.uuid) return;
    this.source = { client, uuid: this.uuid };
    if (client && this.uuid) void this.load(client, this.uuid);
  }

  private async load(client: KitosClient, uuid: string): Promise<void> {
    const request = ++this.request;
    this.phase = 'loading';
    try {
      const data = await this.fetchCard(client, uuid);
      if (request !== this.request) return;
      this.data = data;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError(this.operation, error);
    }
  }
}
