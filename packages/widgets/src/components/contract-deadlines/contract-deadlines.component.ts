import { addDays, CONTRACT_DEADLINE_KINDS, type ContractDeadlineKind, toIsoDate } from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { valueLabel } from '../../internal/cells.js';
import { property, state } from 'lit/decorators.js';
import type { DeadlineItem, DeadlineQuery, KitosClient, UnitTreeNode } from '../../data/client.js';
import { formatDate, formatMonth } from '../../i18n/format.js';
import type { Strings } from '../../i18n/strings.js';
import { heading } from '../../internal/card.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { OrgLoads } from '../../internal/org-loads.js';
import { fillLinkTemplate, isPlainClick } from '../../internal/links.js';
import type { UnitOption } from '../../internal/overview/filter-editors.js';
import { contractDeadlinesStyles } from './contract-deadlines.styles.js';

/** How close a deadline is. */
export type DeadlineUrgency = 'overdue' | 'soon' | 'upcoming' | 'later';

/**
 * The urgency of a deadline: passed, within 30 days, within 90 days, or later.
 *
 * @example
 * ```ts
 * deadlineUrgency(-3); // 'overdue'
 * deadlineUrgency(30); // 'soon'
 * ```
 */
export function deadlineUrgency(daysLeft: number): DeadlineUrgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 30) return 'soon';
  if (daysLeft <= 90) return 'upcoming';
  return 'later';
}

/** Kinds of record whose changes can move a deadline in the list (contracts, their units). */
const LIVE_KINDS: ReadonlySet<string> = new Set(['itContract', 'organizationUnit', 'globalOption', 'localOption']);

const URGENCY_ICON: Record<DeadlineUrgency, string> = { overdue: '⚠', soon: '●', upcoming: '◐', later: '○' };

function urgencyText(u: DeadlineUrgency, t: Strings): string {
  return { overdue: t.urgencyOverdue, soon: t.urgencySoon, upcoming: t.urgencyUpcoming, later: t.urgencyLater }[u];
}

function flatten(nodes: readonly UnitTreeNode[], depth = 0, out: UnitOption[] = []): UnitOption[] {
  for (const n of nodes) {
    out.push({ uuid: n.uuid, name: n.name, depth });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

/**
 * The organisation's contract deadlines by month: latest notice days, extension decisions, expiry
 * and tender starts, as the deadline engine computes them (KITOS stores only the raw terms). Each
 * deadline shows its urgency in colour *and* in words with an icon (overdue, within 30 days, within
 * 90 days, later), and the list can be narrowed to a responsible unit with its sub-units.
 *
 * @summary Contract deadlines grouped by month, with urgency and a unit filter.
 * @tagname kitos-contract-deadlines
 * @fires {KitosSelectEvent} kitos-select - A contract was picked (cancelable when it is a link).
 * @fires {KitosErrorEvent} kitos-error - Deadlines or units could not be loaded.
 * @csspart title - The heading.
 * @csspart base - The whole widget.
 * @csspart toolbar - The unit filter and the count.
 * @csspart unit-select - The responsible unit filter.
 * @csspart sub-units - The "include sub-units" checkbox.
 * @csspart count - The live count of deadlines.
 * @csspart month - One month's group.
 * @csspart month-title - The month heading, e.g. "juni 2025".
 * @csspart items - The list of a month's deadlines.
 * @csspart item - One deadline.
 * @csspart urgency - The urgency icon and words.
 * @csspart icon - The urgency icon (hidden from screen readers; the words say it).
 * @csspart date - The deadline's date.
 * @csspart kind - What the deadline is (e.g. "Seneste opsigelsesdag").
 * @csspart contract - The contract's link or button.
 * @csspart meta - Supplier and responsible unit.
 * @csspart days - Days left or passed, in words.
 * @csspart message - Loading and empty messages.
 * @csspart error - The error message.
 * @cssprop --kitos-urgency-overdue - Colour of overdue deadlines.
 * @cssprop --kitos-urgency-overdue-bg - Background of overdue deadlines.
 * @cssprop --kitos-urgency-soon - Colour of deadlines within 30 days.
 * @cssprop --kitos-urgency-soon-bg - Background of deadlines within 30 days.
 * @cssprop --kitos-urgency-upcoming - Colour of deadlines within 90 days.
 * @cssprop --kitos-urgency-upcoming-bg - Background of deadlines within 90 days.
 * @cssprop --kitos-urgency-later - Colour of later deadlines.
 * @cssprop --kitos-urgency-later-bg - Background of later deadlines.
 *
 * @example
 * ```html
 * <kitos-contract-deadlines organization-uuid="…" link-template="/contracts/{uuid}"></kitos-contract-deadlines>
 * ```
 */
export class KitosContractDeadlines extends KitosElement {
  /** Styles of the element. */
  static override styles = contractDeadlinesStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** The day urgency counts from (`YYYY-MM-DD`); default: today. */
  @property()
  today = '';

  /** Only deadlines on or after this day (`YYYY-MM-DD`); default: `overdue-days` before today. */
  @property()
  from = '';

  /**
   * Without `from`, how many days back missed deadlines are still shown (default 90): recent misses
   * need action, older ones are history.
   */
  @property({ type: Number, attribute: 'overdue-days' })
  overdueDays = 90;

  /** Only deadlines on or before this day (`YYYY-MM-DD`). */
  @property()
  to = '';

  /** Space-separated deadline kinds to show; default: every kind but `start`. */
  @property()
  kinds = CONTRACT_DEADLINE_KINDS.filter((k) => k !== 'start').join(' ');

  /** Responsible unit to narrow to (the user can change it); empty for all units. */
  @property({ attribute: 'unit-uuid' })
  unitUuid = '';

  /** Whether the unit filter includes sub-units (default true; set the attribute to `false` to turn off). */
  @property({ attribute: 'include-sub-units', converter: { fromAttribute: (v) => v !== 'false' } })
  includeSubUnits = true;

  /** Link of a contract, with `{uuid}` replaced, e.g. `/contracts/{uuid}`. Without it contracts are buttons. */
  @property({ attribute: 'link-template' })
  linkTemplate = '';

  /** Heading level of the title (2–6, default 2); months are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private items: readonly DeadlineItem[] = [];
  @state() private units: readonly UnitOption[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private request = 0;
  // Live updates: a contract or unit change in the organisation may move a deadline.
  constructor() {
    super();
    this.addController(
      new OrgLoads(this, {
        client: () => this.activeClient,
        org: () => this.org,
        query: () => this.query,
        load: (client, quiet) => this.load(client, quiet),
        loadUnits: (client) => this.loadUnits(client),
        ready: () => this.phase === 'ready',
        liveKinds: LIVE_KINDS,
      }),
    );
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private get query(): DeadlineQuery {
    return {
      organizationUuid: this.org,
      ...(this.today ? { today: this.today } : {}),
      from:
        this.from || addDays(this.today || toIsoDate(new Date(), 'Europe/Copenhagen'), -Math.max(0, this.overdueDays)),
      ...(this.to ? { to: this.to } : {}),
      ...(this.unitUuid ? { responsibleUnitUuid: this.unitUuid, includeSubUnits: this.includeSubUnits } : {}),
    };
  }

  private async load(client: KitosClient, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) this.phase = 'loading';
    try {
      const items = await client.contractDeadlines(this.query);
      if (request !== this.request) return;
      this.items = items;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('contractDeadlines', error);
    }
  }

  private async loadUnits(client: KitosClient): Promise<void> {
    try {
      this.units = flatten(await client.unitTree(this.org));
    } catch (error) {
      // Without units the list still works; only the unit filter is missing.
      this.reportError('unitTree', error);
    }
  }

  private get shown(): DeadlineItem[] {
    const kinds = new Set(this.kinds.split(/\s+/).filter(Boolean) as ContractDeadlineKind[]);
    return this.items.filter((i) => kinds.has(i.kind));
  }

  private onPick(e: MouseEvent, item: DeadlineItem, href: string | undefined): void {
    if (href && !isPlainClick(e)) return;
    const go = this.emit(
      'kitos-select',
      { kind: 'contracts', uuid: item.contractUuid, ...(href ? { href } : {}) },
      { cancelable: true },
    );
    if (!go) e.preventDefault();
  }

  private renderItem(item: DeadlineItem): TemplateResult {
    const { t } = this;
    const urgency = deadlineUrgency(item.daysLeft);
    const href = fillLinkTemplate(this.linkTemplate, item.contractUuid);
    const meta = [item.supplier, item.responsibleUnit?.name].filter(Boolean).join(' · ');
    const pick = (e: MouseEvent) => this.onPick(e, item, href);
    return html`<li part="item" data-urgency=${urgency}>
      <span part="urgency"><span aria-hidden="true" part="icon">${URGENCY_ICON[urgency]}</span> ${urgencyText(urgency, t)}</span>
      <time part="date" datetime=${item.date}>${formatDate(item.date)}</time>
      <span part="kind">${valueLabel(item.kind, 'ContractDeadlineKind', this.language)}</span>
      ${
        href
          ? html`<a part="contract" href=${href} @click=${pick}>${item.contractName}</a>`
          : html`<button type="button" part="contract" @click=${pick}>${item.contractName}</button>`
      }
      ${meta ? html`<span part="meta">${meta}</span>` : nothing}
      <span part="days">${t.daysLeft(item.daysLeft)}</span>
    </li>`;
  }

  private renderMonths(items: readonly DeadlineItem[]): TemplateResult[] {
    const months = new Map<string, DeadlineItem[]>();
    for (const item of items) {
      const key = item.date.slice(0, 7);
      const list = months.get(key);
      if (list) list.push(item);
      else months.set(key, [item]);
    }
    return [...months.entries()].map(
      ([month, list], i) =>
        html`<section part="month" aria-labelledby=${`month-${i}`}>
          ${heading(this.headingLevel + 1, formatMonth(`${month}-01`, this.language), 'month-title', `month-${i}`)}
          <ol part="items">
            ${list.map((item) => this.renderItem(item))}
          </ol>
        </section>`,
    );
  }

  private renderToolbar(count: number): TemplateResult {
    const { t } = this;
    const onUnit = (e: Event) => {
      this.unitUuid = (e.target as HTMLSelectElement).value;
    };
    const onSub = (e: Event) => {
      this.includeSubUnits = (e.target as HTMLInputElement).checked;
    };
    return html`<div part="toolbar">
      <label
        >${t.responsibleUnit}
        <select part="unit-select" @change=${onUnit}>
          <option value="" ?selected=${!this.unitUuid}>${t.allUnits}</option>
          ${this.units.map(
            (u) =>
              html`<option value=${u.uuid} ?selected=${u.uuid === this.unitUuid}>
                ${'\u00a0\u00a0'.repeat(u.depth)}${u.name}
              </option>`,
          )}
        </select></label
      >
      <label><input type="checkbox" part="sub-units" .checked=${this.includeSubUnits} @change=${onSub} /> ${t.includeSubUnits}</label>
      <p part="count" role="status">${this.phase === 'ready' ? t.deadlineCount(count) : t.loading}</p>
    </div>`;
  }

  override render() {
    const { t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    const items = this.shown;
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, t.deadlinesTitle, 'title', 'title')} ${this.renderToolbar(items.length)}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${this.phase === 'ready' && !items.length ? html`<p part="message">${t.noDeadlines}</p>` : nothing}
      ${this.renderMonths(items)}
    </section>`;
  }
}
