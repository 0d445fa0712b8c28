import type { KitosChange, KitosClient } from '../data/client.js';

/**
 * A widget's live-update subscription: one per client and organisation, replaced when either
 * changes and closed when the widget leaves the page. Clients without `subscribe` give none.
 */
export class LiveUpdates {
  private current: { client: KitosClient; org: string; stop: () => void } | undefined;

  constructor(private readonly onChange: (change: KitosChange) => void) {}

  /** Subscribes to `org` through `client`, unless that is the subscription already open. */
  sync(client: KitosClient | undefined, org: string | undefined): void {
    if (this.current && this.current.client === client && this.current.org === org) return;
    this.close();
    if (!client?.subscribe || !org) return;
    this.current = { client, org, stop: client.subscribe(org, (change) => this.onChange(change)) };
  }

  /** Ends the subscription. */
  close(): void {
    this.current?.stop();
    this.current = undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every uuid a read model mentions (its own and those of the records it shows). */
export function uuidsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) for (const v of value) uuidsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) uuidsIn(v, into);
  return into;
}

/** True when a batch of changes names one of `uuids` or a record of one of `kinds`. */
export function touches(change: KitosChange, uuids: ReadonlySet<string>, kinds: ReadonlySet<string>): boolean {
  return [...change.changed, ...change.deleted].some((c) => uuids.has(c.uuid.toLowerCase()) || kinds.has(c.kind));
}

/**
 * Runs `work` now, or once more after the run in progress when asked again meanwhile: a burst of
 * changes gives at most two reloads, never one per change.
 */
export function coalesced(work: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
