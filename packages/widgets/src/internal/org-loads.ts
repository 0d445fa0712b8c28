import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KitosClient } from '../data/client.js';
import { coalesced, LiveUpdates, touches } from './live.js';

/** What a widget that lists one organisation's records tells {@link OrgLoads}. */
export interface OrgLoadsSpec {
  /** The client in use (the element's own or the provider's). */
  readonly client: () => KitosClient | undefined;
  /** The organisation shown; nothing loads while it is empty. */
  readonly org: () => string;
  /** What the widget asks for; a load follows when its JSON changes. */
  readonly query: () => unknown;
  /** Loads the records; `quiet` keeps what is shown until the answer (a reload after a change). */
  readonly load: (client: KitosClient, quiet: boolean) => Promise<void>;
  /** Loads the organisation's units for the unit filter, once per organisation and client. */
  readonly loadUnits?: (client: KitosClient) => Promise<void>;
  /** True once records are shown: only then does a change reload them. */
  readonly ready: () => boolean;
  /** The kinds of record whose changes reload the widget. */
  readonly liveKinds: ReadonlySet<string>;
}

/**
 * The loading the organisation-wide list widgets (deadlines, reminders, data quality, the GDPR
 * register) share: load when the client, the organisation or the query changes; load the units
 * once per organisation; with a client that has live updates, reload quietly (at most twice for a
 * burst) when a record of a watched kind changes, and stop listening when the element leaves the page.
 * The element adds it in its constructor: `this.addController(new OrgLoads(this, { … }))`.
 */
export class OrgLoads implements ReactiveController {
  private queryKey = '';
  private unitsKey = '';
  private source: KitosClient | undefined;
  private readonly reload = coalesced(async () => {
    const client = this.spec.client();
    if (client && this.spec.org()) await this.spec.load(client, true);
  });
  private readonly live = new LiveUpdates((change) => {
    if (this.spec.ready() && touches(change, new Set(), this.spec.liveKinds)) this.reload();
  });

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly spec: OrgLoadsSpec,
  ) {}

  /** Runs after the host's `willUpdate`, before it renders. */
  hostUpdate(): void {
    const client = this.spec.client();
    const org = this.spec.org();
    if (!client || !org) return;
    const clientChanged = client !== this.source;
    this.source = client;
    const key = JSON.stringify(this.spec.query());
    if (key !== this.queryKey || clientChanged) {
      this.queryKey = key;
      void this.spec.load(client, false);
    }
    if (this.spec.loadUnits && (this.unitsKey !== org || clientChanged)) {
      this.unitsKey = org;
      void this.spec.loadUnits(client);
    }
    if (this.host.isConnected) this.live.sync(client, org);
  }

  hostDisconnected(): void {
    this.live.close();
  }
}
