import { addDays, toIsoDate } from '@os2kitos/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeliveryItem, KitosClient, ReminderItem } from '../../data/client.js';
import type { KitosSelectKind } from '../../events/kitos-select.js';
import { formatDate } from '../../i18n/format.js';
import { heading } from '../../internal/card.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { OrgLoads } from '../../internal/org-loads.js';
import { fillLinkTemplate, isPlainClick } from '../../internal/links.js';
import { notificationsStyles } from './notifications.styles.js';

/** The overview kind a reminder's record belongs to, for `kitos-select`. */
const SELECT_KIND: Readonly<Record<string, KitosSelectKind>> = {
  itContract: 'contracts',
  itSystemUsage: 'usages',
  dataProcessingRegistration: 'dataProcessing',
  project: 'projects',
};

/** Kinds whose changes can change the plan: the records, the rules and advis, and options (roles). */
const LIVE_KINDS: ReadonlySet<string> = new Set([
  'itContract',
  'itSystemUsage',
  'dataProcessingRegistration',
  'project',
  'notificationRule',
  'advis',
  'globalOption',
  'localOption',
]);

/**
 * An organisation's reminders: what will be e-mailed when (from the reminder rules and manual
 * advis, over the deadline engine's dates), what was sent, and — where the client keeps the delivery
 * log (the HTTP client) — the reminders that did not arrive, with the mail server's reason. With
 * `entity-uuid` it shows one record's reminders, as a section beside its card.
 *
 * @summary Planned, sent and failed reminder e-mails of an organisation or one record.
 * @tagname kitos-notifications
 * @fires {KitosSelectEvent} kitos-select - A record was picked (cancelable when it is a link).
 * @fires {KitosErrorEvent} kitos-error - Reminders or the delivery log could not be loaded.
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart count - The live count of planned reminders.
 * @csspart section-title - The heading of the planned and the failed list.
 * @csspart planned - The planned reminders.
 * @csspart failed - The reminders that did not arrive.
 * @csspart items - A list of reminders.
 * @csspart item - One reminder.
 * @csspart date - The day it is (or was) sent.
 * @csspart about - What it reminds of (a deadline, or the subject of a manual advis).
 * @csspart record - The record's link or button.
 * @csspart due - The deadline's date.
 * @csspart recipients - Who gets it.
 * @csspart status - Planned, sent, retrying or failed, in words.
 * @csspart reason - Why it failed, and when it is tried again.
 * @csspart message - Loading, empty and unavailable messages.
 * @csspart error - The error message.
 * @cssprop --kitos-reminder-planned - Colour of planned reminders.
 * @cssprop --kitos-reminder-planned-bg - Background of planned reminders.
 * @cssprop --kitos-reminder-sent - Colour of sent reminders.
 * @cssprop --kitos-reminder-sent-bg - Background of sent reminders.
 * @cssprop --kitos-reminder-failed - Colour of failed reminders.
 * @cssprop --kitos-reminder-failed-bg - Background of failed reminders.
 *
 * @example
 * ```html
 * <kitos-notifications organization-uuid="…" link-template="/records/{uuid}"></kitos-notifications>
 * <kitos-notifications organization-uuid="…" entity-uuid="…" heading-level="3"></kitos-notifications>
 * ```
 */
export class KitosNotifications extends KitosElement {
  /** Styles of the element. */
  static override styles = notificationsStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** Only the reminders about this record (a contract, usage, registration or project). */
  @property({ attribute: 'entity-uuid' })
  entityUuid = '';

  /** The day to plan for (`YYYY-MM-DD`); default: today. */
  @property()
  today = '';

  /** Planned reminders up to this day (`YYYY-MM-DD`); default: `days-ahead` after today. */
  @property()
  until = '';

  /** Without `until`, how many days ahead to show (default 90, counted from the client's today). */
  @property({ type: Number, attribute: 'days-ahead' })
  daysAhead = 90;

  /** Link of a record, with `{uuid}` replaced. Without it records are buttons. */
  @property({ attribute: 'link-template' })
  linkTemplate = '';

  /** Heading level of the title (2–6, default 2); the two lists are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private planned: readonly ReminderItem[] = [];
  @state() private failed: readonly DeliveryItem[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' | 'unavailable' = 'idle';
  @state() private hasLog = false;
  private request = 0;
  constructor() {
    super();
    this.addController(
      new OrgLoads(this, {
        client: () => this.activeClient,
        org: () => this.org,
        query: () => [this.org, this.entityUuid, this.today, this.until, this.daysAhead],
        load: (client, quiet) => this.load(client, quiet),
        ready: () => this.phase === 'ready',
        liveKinds: LIVE_KINDS,
      }),
    );
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  private get day(): string {
    return this.today || toIsoDate(new Date(), 'Europe/Copenhagen');
  }

  private async load(client: KitosClient, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!client.reminders) {
      this.phase = 'unavailable';
      return;
    }
    if (!quiet) this.phase = 'loading';
    const entity = this.entityUuid ? { entityUuid: this.entityUuid } : {};
    try {
      const [plan, log] = await Promise.all([
        client.reminders({
          organizationUuid: this.org,
          ...(this.today ? { today: this.today } : {}),
          // Without a day of its own, the widget leaves the window to the client, whose "today"
          // (a fixed day in a demo, the server's day) may differ from this browser's.
          ...(this.until || this.today || this.daysAhead !== 90
            ? { until: this.until || addDays(this.day, Math.max(0, this.daysAhead)) }
            : {}),
          ...entity,
        }),
        client.deliveries?.({ organizationUuid: this.org, status: ['failed', 'retrying'], ...entity }),
      ]);
      if (request !== this.request) return;
      this.planned = [...plan.due, ...plan.ahead];
      this.failed = log?.items ?? [];
      this.hasLog = log !== undefined;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('reminders', error);
    }
  }

  private onPick(e: MouseEvent, kind: string, uuid: string, href: string | undefined): void {
    if (href && !isPlainClick(e)) return;
    const go = this.emit(
      'kitos-select',
      { kind: SELECT_KIND[kind] ?? 'contracts', uuid, ...(href ? { href } : {}) },
      { cancelable: true },
    );
    if (!go) e.preventDefault();
  }

  private renderRecord(kind: string, uuid: string, name: string): TemplateResult {
    const href = fillLinkTemplate(this.linkTemplate, uuid);
    const pick = (e: MouseEvent) => this.onPick(e, kind, uuid, href);
    return href
      ? html`<a part="record" href=${href} @click=${pick}>${name}</a>`
      : html`<button type="button" part="record" @click=${pick}>${name}</button>`;
  }

  private renderPlanned(r: ReminderItem): TemplateResult {
    const { t } = this;
    const status = r.delivery?.status ?? 'planned';
    return html`<li part="item" data-status=${status}>
      <span part="status">${t.deliveryStatus(status)}</span>
      <time part="date" datetime=${r.sendOn}>${formatDate(r.sendOn)}</time>
      <span part="about">${r.source === 'advis' ? (r.subject ?? t.reminderAbout(null)) : t.reminderAbout(r.deadline)}</span>
      ${this.renderRecord(r.entityKind, r.entityUuid, r.entityName)}
      ${r.dueDate ? html`<span part="due">${t.reminderDue}: ${formatDate(r.dueDate)}</span>` : nothing}
      <span part="recipients">${t.reminderTo}: ${r.recipients.map((x) => x.email).join(', ') || '–'}</span>
    </li>`;
  }

  private renderFailed(d: DeliveryItem): TemplateResult {
    const { t } = this;
    const next = d.nextAttemptAt ? ` ${t.reminderNextAttempt}: ${formatDate(d.nextAttemptAt.slice(0, 10))}` : '';
    return html`<li part="item" data-status=${d.status}>
      <span part="status">${t.deliveryStatus(d.status)}</span>
      <time part="date" datetime=${d.sendOn}>${formatDate(d.sendOn)}</time>
      <span part="about">${d.deadline ? t.reminderAbout(d.deadline) : d.subject}</span>
      ${this.renderRecord(d.entityKind, d.entityUuid, d.entityName)}
      <span part="recipients">${t.reminderTo}: ${d.recipients.join(', ') || '–'}</span>
      <span part="reason">${t.reminderReason}: ${d.reason ?? '–'}${next}</span>
    </li>`;
  }

  override render() {
    const { t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    const sub = this.headingLevel + 1;
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, t.notificationsTitle, 'title', 'title')}
      ${
        this.phase === 'unavailable'
          ? html`<p part="message">${t.remindersUnavailable}</p>`
          : html`<p part="count" role="status">
              ${this.phase === 'ready' ? t.reminderCount(this.planned.length) : this.phase === 'error' ? '' : t.loading}
            </p>`
      }
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${
        this.phase === 'ready'
          ? html`<section part="planned" aria-labelledby="planned-title">
                ${heading(sub, t.remindersPlanned, 'section-title', 'planned-title')}
                ${
                  this.planned.length
                    ? html`<ol part="items">${this.planned.map((r) => this.renderPlanned(r))}</ol>`
                    : html`<p part="message">${t.noReminders}</p>`
                }
              </section>
              ${
                this.hasLog
                  ? html`<section part="failed" aria-labelledby="failed-title">
                      ${heading(sub, t.remindersNotDelivered, 'section-title', 'failed-title')}
                      ${
                        this.failed.length
                          ? html`<ol part="items">${this.failed.map((d) => this.renderFailed(d))}</ol>`
                          : html`<p part="message">${t.noFailures}</p>`
                      }
                    </section>`
                  : nothing
              }`
          : nothing
      }
    </section>`;
  }
}
