import type { OverviewKind, OverviewQuery, OverviewRow } from '@os2kitos/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KitosClient } from '../../data/client.js';

/** Rows fetched per request; the grid asks for the chunks its visible range needs. */
export const CHUNK = 200;

/**
 * The grid's rows, fetched in chunks of {@link CHUNK}: the first chunk comes with the total, the
 * others when the virtualizer's visible range reaches them. A new query replaces every chunk when
 * its first chunk arrives (the old rows stay until then), and answers to an older query are ignored (a generation counter), so a slow response can never
 * overwrite a newer one.
 */
export class OverviewRows implements ReactiveController {
  /** Rows matching the query, or `null` before the first answer. */
  total: number | null = null;
  /** One item per row index, for the virtualizer. */
  items: number[] = [];
  phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  private cache = new Map<number, readonly OverviewRow[]>();
  private pending = new Set<number>();
  private generation = 0;
  private key = '';
  private source: { client: KitosClient; kind: OverviewKind; query: OverviewQuery } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: {
      readonly onError: (error: unknown) => void;
      readonly onNewResult: () => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs the query unless it is the one already shown. */
  query(client: KitosClient, kind: OverviewKind, query: OverviewQuery): void {
    const key = JSON.stringify([kind, query]);
    if (key === this.key && this.source?.client === client) return;
    this.key = key;
    this.source = { client, kind, query };
    void this.run();
  }

  /**
   * Runs the current query again (the data changed): the rows shown stay until the new first chunk
   * arrives, then every other chunk is fetched again as the grid reaches it.
   */
  refresh(): Promise<void> {
    return this.run(true);
  }

  /**
   * Forgets the last query and its rows (another kind or client: other columns), so the next
   * {@link OverviewRows.query} runs even if it is the same.
   */
  reset(): void {
    this.key = '';
    this.source = null;
    this.cache = new Map();
    this.items = [];
    this.total = null;
  }

  /** The row at an index, or `undefined` while its chunk is loading. */
  rowAt(index: number): OverviewRow | undefined {
    return this.cache.get(Math.floor(index / CHUNK))?.[index % CHUNK];
  }

  /** Loads the chunks covering rows `first` to `last`. */
  ensure(first: number, last: number): void {
    if (first < 0) return;
    for (let c = Math.floor(first / CHUNK); c <= Math.floor(last / CHUNK); c++) void this.loadChunk(c);
  }

  private async run(quiet = false): Promise<void> {
    const source = this.source;
    if (!source) return;
    const generation = ++this.generation;
    this.pending.clear();
    if (!quiet) {
      // The rows shown stay (marked busy) until the new first chunk replaces them in one render:
      // a re-sort never flashes a screen of placeholder rows.
      this.phase = 'loading';
      this.host.requestUpdate();
    }
    try {
      const page = await source.client.overview(source.kind, { ...source.query, offset: 0, limit: CHUNK });
      if (generation !== this.generation) return;
      this.cache = new Map([[0, page.rows]]);
      this.total = page.total;
      this.items = Array.from({ length: page.total }, (_, i) => i);
      this.phase = 'ready';
      // A refresh of the same query keeps the reader's place; a new query starts at the top.
      if (!quiet) this.events.onNewResult();
    } catch (error) {
      if (generation !== this.generation) return;
      this.phase = 'error';
      this.events.onError(error);
    }
    this.host.requestUpdate();
  }

  private async loadChunk(chunk: number): Promise<void> {
    const source = this.source;
    // While a new query's first chunk is on its way, the chunks shown belong to the last one.
    if (!source || this.phase === 'loading' || this.cache.has(chunk) || this.pending.has(chunk)) return;
    const generation = this.generation;
    this.pending.add(chunk);
    try {
      const page = await source.client.overview(source.kind, {
        ...source.query,
        offset: chunk * CHUNK,
        limit: CHUNK,
      });
      if (generation !== this.generation) return;
      this.cache.set(chunk, page.rows);
      // New rows: the host renders the visible range again.
      this.host.requestUpdate();
    } catch (error) {
      if (generation === this.generation) this.events.onError(error);
    } finally {
      if (generation === this.generation) this.pending.delete(chunk);
    }
  }
}
