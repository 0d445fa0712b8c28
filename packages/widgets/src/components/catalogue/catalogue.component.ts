import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  CatalogueFilters,
  KitosCoordinationReader,
  NationalCatalogueEntry,
  NationalCataloguePage,
  NationalCatalogueQuery,
  SystemUse,
} from '../../data/client.js';
import { formatCount } from '../../i18n/format.js';
import { heading } from '../../internal/card.js';
import { valueLabel } from '../../internal/cells.js';
import { barWidth, KitosCoordinationElement } from '../../internal/coordination.js';
import { catalogueStyles } from './catalogue.styles.js';

/** How long typing in the search box waits before it reads (ms). */
const SEARCH_DELAY = 250;

/**
 * The national IT system catalogue across municipalities: every system the reader may see, most
 * used first, with how many organisations use it (a bar with the number in words), its rights
 * holder, business type and KLE tasks, and whether the reader's organisation uses it. Filters by
 * name, KLE task (and the tasks under it), rights holder, business type and "used by at least N".
 * Opening a system shows who uses it and how, as far as each organisation shares it (life cycle,
 * responsible unit, contacts, interfaces), its shared contracts, and its interfaces with the
 * systems that consume them.
 *
 * @summary The shared catalogue with usage counts, filters and who uses what.
 * @tagname kitos-catalogue
 * @fires {KitosSelectEvent} kitos-select - A system's detail was opened (`kind` `itSystem`).
 * @fires {KitosErrorEvent} kitos-error - The catalogue, its filters or a system's use could not be loaded.
 * @csspart title - The heading.
 * @csspart base - The whole widget.
 * @csspart toolbar - The filters and the count.
 * @csspart search - The name search box.
 * @csspart kle-select - The KLE task filter.
 * @csspart holder-select - The rights holder filter.
 * @csspart type-select - The business type filter.
 * @csspart min-input - The "used by at least" filter.
 * @csspart count - The live count of matching systems.
 * @csspart table - The table of systems.
 * @csspart system - A system's button (opens its detail).
 * @csspart bar - A usage count's bar and number.
 * @csspart pager - The paging buttons and position.
 * @csspart panel - The detail of the open system.
 * @csspart close - The detail's close button.
 * @csspart message - Loading, empty and "not available" messages.
 * @csspart error - The error message.
 * @cssprop --kitos-bar-color - Colour of the usage bars.
 * @cssprop --kitos-bar-track - Background of the usage bars.
 *
 * @example
 * ```html
 * <kitos-catalogue min-organizations="2" page-size="20"></kitos-catalogue>
 * ```
 */
export class KitosCatalogue extends KitosCoordinationElement {
  /** Styles of the element. */
  static override styles = catalogueStyles;

  /** Part of the system name to search for (the user can change it). */
  @property()
  search = '';

  /** KLE task to filter by; systems with a task under it match too. */
  @property({ attribute: 'kle-uuid' })
  kleUuid = '';

  /** Rights holder to filter by. */
  @property({ attribute: 'rights-holder-uuid' })
  rightsHolderUuid = '';

  /** Business type to filter by. */
  @property({ attribute: 'business-type-uuid' })
  businessTypeUuid = '';

  /** Only systems used by at least this many organisations (0: all). */
  @property({ type: Number, attribute: 'min-organizations' })
  minOrganizations = 0;

  /** Systems per page (1–200, default 20). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 20;

  /** The open system's uuid (its detail shows); empty when none is open. */
  @property({ attribute: 'system-uuid' })
  systemUuid = '';

  @state() private page: NationalCataloguePage | undefined;
  @state() private filters: CatalogueFilters | undefined;
  @state() private use: SystemUse | undefined;
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private usePhase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private offset = 0;
  private source: KitosCoordinationReader | undefined;
  private queryKey = '';
  private useKey = '';
  private request = 0;
  private useRequest = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private get query(): NationalCatalogueQuery {
    const search = this.search.trim();
    return {
      ...(search && { search }),
      ...(this.kleUuid && { kleUuid: this.kleUuid }),
      ...(this.rightsHolderUuid && { rightsHolderUuid: this.rightsHolderUuid }),
      ...(this.businessTypeUuid && { businessTypeUuid: this.businessTypeUuid }),
      ...(this.minOrganizations > 0 && { minOrganizations: Math.floor(this.minOrganizations) }),
      ...(this.org && { organizationUuid: this.org }),
      offset: this.offset,
      limit: Math.min(200, Math.max(1, Math.floor(this.pageSize) || 20)),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reader = this.reader;
    if (!reader) return;
    const readerChanged = reader !== this.source;
    this.source = reader;
    if (readerChanged) void this.loadFilters(reader);
    // A new filter starts at the first page.
    for (const p of ['search', 'kleUuid', 'rightsHolderUuid', 'businessTypeUuid', 'minOrganizations', 'pageSize'])
      if (changed.has(p as keyof KitosCatalogue)) this.offset = 0;
    const key = JSON.stringify(this.query);
    if (key !== this.queryKey || readerChanged) {
      this.queryKey = key;
      void this.load(reader);
    }
    if (this.systemUuid !== this.useKey || (readerChanged && this.systemUuid)) {
      this.useKey = this.systemUuid;
      if (this.systemUuid) void this.loadUse(reader, this.systemUuid);
      else this.use = undefined;
    }
  }

  private async loadFilters(reader: KitosCoordinationReader): Promise<void> {
    try {
      this.filters = await reader.catalogueFilters();
    } catch (error) {
      // Without choices the catalogue still works; only the filter lists are empty.
      this.reportError('catalogueFilters', error);
    }
  }

  private async load(reader: KitosCoordinationReader): Promise<void> {
    const request = ++this.request;
    this.phase = 'loading';
    try {
      const page = await reader.catalogue(this.query);
      if (request !== this.request) return;
      this.page = page;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('catalogue', error);
    }
  }

  private async loadUse(reader: KitosCoordinationReader, uuid: string): Promise<void> {
    const request = ++this.useRequest;
    this.usePhase = 'loading';
    try {
      const use = await reader.systemUse(uuid);
      if (request !== this.useRequest) return;
      this.use = use;
      this.usePhase = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus();
    } catch (error) {
      if (request !== this.useRequest) return;
      this.usePhase = 'error';
      this.reportError('systemUse', error);
    }
  }

  private open(entry: NationalCatalogueEntry): void {
    this.returnFocus = entry.uuid;
    this.systemUuid = entry.uuid;
    this.emit('kitos-select', { kind: 'itSystem', uuid: entry.uuid });
  }

  private async close(): Promise<void> {
    const back = this.returnFocus ?? this.systemUuid;
    this.systemUuid = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-system="${CSS.escape(back)}"]`)?.focus();
  }

  private onSearch(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.search = value;
    }, SEARCH_DELAY);
  }

  private renderToolbar(): TemplateResult {
    const { ct } = this;
    const f = this.filters;
    const select = (
      label: string,
      part: string,
      value: string,
      options: readonly { uuid: string; name: string }[],
      set: (v: string) => void,
    ) =>
      html`<label
        >${label}
        <select part=${part} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>${ct.all}</option>
          ${options.map((o) => html`<option value=${o.uuid} ?selected=${o.uuid === value}>${o.name}</option>`)}
        </select></label
      >`;
    const kle = (f?.kle ?? []).map((k) => ({
      uuid: k.uuid,
      name: `${'\u00a0\u00a0'.repeat(k.taskKey.split('.').length - 1)}${k.taskKey} ${k.description}`,
    }));
    const count =
      this.phase === 'ready' && this.page
        ? ct.systemCount(formatCount(this.page.total, this.language))
        : this.t.loading;
    return html`<div part="toolbar" role="group" aria-label=${ct.filters}>
      <label
        >${ct.search}
        <input type="search" part="search" .value=${this.search} @input=${this.onSearch} autocomplete="off"
      /></label>
      ${select(ct.kleTask, 'kle-select', this.kleUuid, kle, (v) => {
        this.kleUuid = v;
      })}
      ${select(ct.rightsHolder, 'holder-select', this.rightsHolderUuid, f?.rightsHolders ?? [], (v) => {
        this.rightsHolderUuid = v;
      })}
      ${select(ct.businessType, 'type-select', this.businessTypeUuid, f?.businessTypes ?? [], (v) => {
        this.businessTypeUuid = v;
      })}
      <label
        >${ct.minOrganizations}
        <input
          type="number"
          part="min-input"
          min="0"
          max=${f?.maxOrganizations ?? nothing}
          inputmode="numeric"
          .value=${String(this.minOrganizations || 0)}
          @change=${(e: Event) => {
            const n = Number((e.target as HTMLInputElement).value);
            this.minOrganizations = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
          }}
      /></label>
      <p part="count" role="status">${count}</p>
    </div>`;
  }

  private renderRow(entry: NationalCatalogueEntry, max: number): TemplateResult {
    const { ct } = this;
    const n = formatCount(entry.organizations, this.language);
    return html`<tr>
      <th scope="row">
        <button
          type="button"
          part="system"
          data-system=${entry.uuid}
          aria-expanded=${this.systemUuid === entry.uuid}
          aria-controls="panel"
          aria-label=${ct.showDetail(entry.name)}
          @click=${() => this.open(entry)}
        >
          ${entry.name}
        </button>
        ${entry.deactivated ? html`<span class="muted">(${ct.deactivated})</span>` : nothing}
      </th>
      <td>
        <span class="bar" part="bar">
          <span class="bar-track" aria-hidden="true"
            ><span class="bar-fill" style="width: ${barWidth(entry.organizations, max)}"></span
          ></span>
          <span class="bar-text">${ct.organizations(n)}</span>
        </span>
      </td>
      <td>${entry.rightsHolder?.name ?? ''}</td>
      <td>${entry.businessType?.name ?? ''}</td>
      <td>${entry.kle.map((k) => html`<span class="kle" title=${k.description}>${k.taskKey}</span> `)}</td>
      ${entry.usedHere === undefined ? nothing : html`<td>${entry.usedHere ? ct.yes : ct.no}</td>`}
    </tr>`;
  }

  private renderTable(page: NationalCataloguePage): TemplateResult {
    const { ct } = this;
    const max = Math.max(this.filters?.maxOrganizations ?? 0, ...page.entries.map((e) => e.organizations));
    const withHere = page.entries.some((e) => e.usedHere !== undefined);
    return html`<div class="scroll">
      <table part="table">
        <caption class="visually-hidden">${ct.catalogueTitle}</caption>
        <thead>
          <tr>
            <th scope="col">${ct.system}</th>
            <th scope="col">${ct.usedBy}</th>
            <th scope="col">${ct.rightsHolder}</th>
            <th scope="col">${ct.businessType}</th>
            <th scope="col">${ct.kleTask}</th>
            ${withHere ? html`<th scope="col">${ct.usedHere}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${page.entries.map((e) => this.renderRow(e, max))}
        </tbody>
      </table>
    </div>`;
  }

  private renderPager(page: NationalCataloguePage): TemplateResult | typeof nothing {
    if (page.total <= page.limit) return nothing;
    const { ct } = this;
    const f = (n: number) => formatCount(n, this.language);
    const last = Math.min(page.total, page.offset + page.entries.length);
    return html`<nav part="pager" aria-label=${ct.catalogueTitle}>
      <button type="button" ?disabled=${page.offset === 0} @click=${() => {
        this.offset = Math.max(0, page.offset - page.limit);
      }}>${ct.previous}</button>
      <span>${ct.pageOf(f(page.offset + 1), f(last), f(page.total))}</span>
      <button type="button" ?disabled=${last >= page.total} @click=${() => {
        this.offset = page.offset + page.limit;
      }}>${ct.next}</button>
    </nav>`;
  }

  private renderPanel(): TemplateResult | typeof nothing {
    if (!this.systemUuid) return nothing;
    const { ct } = this;
    const use = this.usePhase === 'ready' ? this.use : undefined;
    const entry = this.page?.entries.find((e) => e.uuid === this.systemUuid);
    const level = this.headingLevel + 1;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        void this.close();
      }
    };
    const f = (n: number) => formatCount(n, this.language);
    return html`<section part="panel" id="panel" aria-labelledby="panel-title" @keydown=${onKey}>
      <div class="panel-head">
        <div role="heading" aria-level=${Math.min(6, level)} part="section-title" id="panel-title" tabindex="-1">
          ${use?.system.name ?? entry?.name ?? ''}
        </div>
        <button type="button" part="close" @click=${() => void this.close()}>${ct.close}</button>
      </div>
      ${this.usePhase === 'loading' ? html`<p part="message">${this.t.loading}</p>` : nothing}
      ${this.usePhase === 'error' ? html`<p part="error" role="alert">${this.t.loadFailed}</p>` : nothing}
      ${
        use
          ? html`${heading(level + 1, ct.whoUses, 'section-title')}
            <p>
              ${ct.organizations(f(use.organizations))}.
              ${use.usages.length < use.organizations ? ct.usedByUnnamed(f(use.usages.length), f(use.organizations)) : nothing}
            </p>
            <ul class="plain" part="usages">
              ${use.usages.map((u) => this.renderUsage(u))}
            </ul>
            ${heading(level + 1, ct.contractsTitle, 'section-title')}
            ${
              use.contracts.length
                ? html`<ul class="plain" part="contracts">
                  ${use.contracts.map(
                    (c) => html`<li>
                      <strong>${c.organization.name}</strong>
                      ${c.supplier ? html`<div>${ct.supplier}: ${c.supplier.name}</div>` : nothing}
                      ${(c.deadlines ?? []).map((d) => html`<div>${ct.kind[d.kind]}: ${ct.quarter(d.quarter)}</div>`)}
                      ${this.renderContacts(c.contacts)}
                    </li>`,
                  )}
                </ul>`
                : html`<p part="message">${ct.noSharedContracts}</p>`
            }`
          : nothing
      }
      ${entry ? this.renderInterfaces(entry, level + 1) : nothing}
    </section>`;
  }

  private renderContacts(contacts: SystemUse['usages'][number]['contacts']): TemplateResult | typeof nothing {
    if (!contacts?.length) return nothing;
    return html`<div>
      ${this.ct.contacts}:
      ${contacts.map(
        (p, i) =>
          html`${i > 0 ? ', ' : ''}${p.name}${p.email ? html` (<a href=${`mailto:${p.email}`}>${p.email}</a>)` : nothing}`,
      )}
    </div>`;
  }

  private renderUsage(u: SystemUse['usages'][number]): TemplateResult {
    const { ct } = this;
    return html`<li>
      <strong>${u.organization.name}</strong>
      ${u.shared.length === 0 ? html`<div class="muted">${ct.sharesNothing}</div>` : nothing}
      ${
        u.shared.includes('lifeCycleStatus')
          ? html`<div>
            ${ct.lifeCycleStatus}:
            ${u.lifeCycleStatus ? valueLabel(u.lifeCycleStatus, 'LifeCycleStatus', this.language) : this.t.notSet}
          </div>`
          : nothing
      }
      ${
        u.shared.includes('responsibleUnit')
          ? html`<div>${ct.responsibleUnit}: ${u.responsibleUnit ?? this.t.notSet}</div>`
          : nothing
      }
      ${u.shared.includes('interfaces') ? html`<div>${ct.interfacesUsed(formatCount(u.interfaceUuids?.length ?? 0, this.language))}</div>` : nothing}
      ${this.renderContacts(u.contacts)}
    </li>`;
  }

  private renderInterfaces(entry: NationalCatalogueEntry, level: number): TemplateResult {
    const { ct } = this;
    return html`${heading(level, ct.interfacesTitle, 'section-title')}
      ${
        entry.interfaces.length
          ? html`<ul class="plain" part="interfaces">
            ${entry.interfaces.map(
              (i) => html`<li>
                <strong>${i.name}</strong>
                <div>
                  ${ct.consumers}:
                  ${i.consumers.length ? i.consumers.map((c) => c.name).join(', ') : html`<span class="muted">${ct.noConsumers}</span>`}
                </div>
              </li>`,
            )}
          </ul>`
          : html`<p part="message">${ct.noInterfaces}</p>`
      }`;
  }

  override render() {
    const { ct, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (!this.reader) return html`<p part="message">${ct.notAvailable}</p>`;
    const page = this.page;
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, ct.catalogueTitle, 'title', 'title')} ${this.renderToolbar()}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${page && !page.entries.length && this.phase === 'ready' ? html`<p part="message">${ct.noSystems}</p>` : nothing}
      ${page?.entries.length ? html`${this.renderTable(page)} ${this.renderPager(page)}` : nothing}
      ${this.renderPanel()}
    </section>`;
  }
}
