import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitosClient, UnitTreeNode } from '../../data/client.js';
import { KitosElement } from '../../internal/kitos-element.js';
import { coalesced, LiveUpdates, touches } from '../../internal/live.js';
import { orgTreeStyles } from './org-tree.styles.js';

/** Kinds of record whose changes alter the tree or its counts. */
const LIVE_KINDS: ReadonlySet<string> = new Set([
  'organizationUnit',
  'itSystemUsage',
  'itContract',
  'dataProcessingRegistration',
  'unitRole',
]);

/** A unit as the keyboard walks the tree: visible units in order, with their parent. */
interface Visible {
  readonly node: UnitTreeNode;
  readonly parent: UnitTreeNode | null;
}

/**
 * The organisation's unit tree, foldable, with what each unit is responsible for (IT systems,
 * contracts, roles). It follows the WAI-ARIA tree pattern: one unit is in the Tab order; Arrow
 * up/down move, Arrow right unfolds or enters, Arrow left folds or goes to the parent, Home/End go
 * to the first/last unit, `*` unfolds the siblings, a letter jumps to the next unit starting with
 * it, and Enter/Space select.
 *
 * @summary Foldable, keyboard-operable organisation unit tree with responsibility counts.
 * @tagname kitos-org-tree
 * @fires {KitosSelectEvent} kitos-select - A unit was selected (`kind: 'unit'`).
 * @fires {KitosToggleEvent} kitos-toggle - A unit was unfolded or folded.
 * @fires {KitosErrorEvent} kitos-error - The tree could not be loaded.
 * @csspart title - The heading.
 * @csspart tree - The tree.
 * @csspart node - The list item holding a unit and its sub-units.
 * @csspart item - A unit (`treeitem`): toggle, name and counts.
 * @csspart row - Same element as `item` (kept for styling the line).
 * @csspart toggle - The fold/unfold marker.
 * @csspart label - The unit's name.
 * @csspart counts - What the unit is responsible for.
 * @csspart group - The sub-units of a unit.
 * @csspart message - Loading and empty messages.
 * @csspart error - The error message.
 * @cssprop --kitos-color-selected-bg - Background of the selected unit.
 * @cssprop --kitos-color-selected - Text colour of the selected unit.
 * @cssprop --kitos-color-text-muted - Colour of the counts.
 * @cssprop --kitos-color-focus - Colour of the focus ring.
 *
 * @example
 * ```html
 * <kitos-org-tree organization-uuid="…"></kitos-org-tree>
 * <script type="module">
 *   document.querySelector('kitos-org-tree').addEventListener('kitos-select', (e) => console.log(e.detail.uuid));
 * </script>
 * ```
 */
export class KitosOrgTree extends KitosElement {
  /** Styles of the element. */
  static override styles = orgTreeStyles;

  /** The organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** The selected unit's uuid (reflected; set it to preselect). */
  @property({ reflect: true })
  selected = '';

  /** How many levels start unfolded (default 1: the root's sub-units are visible). */
  @property({ type: Number, attribute: 'expand-level' })
  expandLevel = 1;

  /** Heading level of the title (2–6, default 2); `0` hides the title. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  @state() private roots: readonly UnitTreeNode[] = [];
  @state() private expanded = new Set<string>();
  @state() private focused = '';
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private source: { client: KitosClient | undefined; org: string } | null = null;
  private request = 0;
  private ids = new Map<string, number>();
  // Live updates: units, and the counts of what each unit is responsible for.
  private readonly reload = coalesced(async () => {
    const client = this.activeClient;
    if (client && this.org) await this.load(client, this.org, true);
  });
  private readonly live = new LiveUpdates((change) => {
    if (this.phase === 'ready' && touches(change, new Set(), LIVE_KINDS)) this.reload();
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live.close();
  }

  private get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    const source = this.source;
    if (this.isConnected) this.live.sync(client, this.org);
    if (source && source.client === client && source.org === this.org) return;
    this.source = { client, org: this.org };
    if (client && this.org) void this.load(client, this.org);
  }

  /** Loads the tree; a quiet reload (live update) keeps what is unfolded and focused. */
  private async load(client: KitosClient, org: string, quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) this.phase = 'loading';
    try {
      const roots = await client.unitTree(org);
      if (request !== this.request) return;
      this.roots = roots;
      this.ids = new Map();
      const expanded = new Set<string>();
      const walk = (nodes: readonly UnitTreeNode[], level: number) => {
        for (const n of nodes) {
          this.ids.set(n.uuid, this.ids.size);
          if (level <= this.expandLevel && n.children.length) expanded.add(n.uuid);
          walk(n.children, level + 1);
        }
      };
      walk(roots, 1);
      if (quiet) {
        this.expanded = new Set([...this.expanded].filter((u) => this.ids.has(u)));
        if (!this.ids.has(this.focused)) this.focused = roots[0]?.uuid ?? '';
      } else {
        this.expanded = expanded;
        this.focused = this.selected && this.ids.has(this.selected) ? this.selected : (roots[0]?.uuid ?? '');
      }
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('unitTree', error);
    }
  }

  /** The units a user can see (every ancestor unfolded), in document order. */
  private visible(): Visible[] {
    const out: Visible[] = [];
    const walk = (nodes: readonly UnitTreeNode[], parent: UnitTreeNode | null) => {
      for (const node of nodes) {
        out.push({ node, parent });
        if (this.expanded.has(node.uuid)) walk(node.children, node);
      }
    };
    walk(this.roots, null);
    return out;
  }

  private setExpanded(node: UnitTreeNode, expanded: boolean): void {
    if (!node.children.length || this.expanded.has(node.uuid) === expanded) return;
    const next = new Set(this.expanded);
    if (expanded) next.add(node.uuid);
    else next.delete(node.uuid);
    this.expanded = next;
    this.emit('kitos-toggle', { uuid: node.uuid, expanded });
  }

  private select(node: UnitTreeNode): void {
    this.selected = node.uuid;
    this.focused = node.uuid;
    this.emit('kitos-select', { kind: 'unit', uuid: node.uuid });
  }

  private async moveFocus(uuid: string): Promise<void> {
    this.focused = uuid;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[role="treeitem"][data-uuid="${CSS.escape(uuid)}"]`)?.focus();
  }

  private onKeydown = (e: KeyboardEvent) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
    const list = this.visible();
    const at = list.findIndex((v) => v.node.uuid === item.dataset.uuid);
    const current = list[at];
    if (!current) return;
    const { node, parent } = current;
    const go = (target: Visible | undefined) => target && void this.moveFocus(target.node.uuid);
    switch (e.key) {
      case 'ArrowDown':
        go(list[at + 1]);
        break;
      case 'ArrowUp':
        go(list[at - 1]);
        break;
      case 'ArrowRight':
        if (node.children.length && !this.expanded.has(node.uuid)) this.setExpanded(node, true);
        else if (node.children[0]) void this.moveFocus(node.children[0].uuid);
        break;
      case 'ArrowLeft':
        if (this.expanded.has(node.uuid)) this.setExpanded(node, false);
        else if (parent) void this.moveFocus(parent.uuid);
        break;
      case 'Home':
        go(list[0]);
        break;
      case 'End':
        go(list[list.length - 1]);
        break;
      case 'Enter':
      case ' ':
        this.select(node);
        break;
      case '*':
        for (const sibling of parent ? parent.children : this.roots) this.setExpanded(sibling, true);
        break;
      default: {
        if (e.key.length !== 1 || !/\S/.test(e.key)) return;
        // Type-ahead: the next visible unit whose name starts with the letter.
        const key = e.key.toLocaleLowerCase('da');
        const order = [...list.slice(at + 1), ...list.slice(0, at)];
        const match = order.find((v) => v.node.name.toLocaleLowerCase('da').startsWith(key));
        if (!match) return;
        go(match);
      }
    }
    e.preventDefault();
  };

  private onClick(e: MouseEvent, node: UnitTreeNode): void {
    e.stopPropagation();
    const onToggle = (e.target as HTMLElement).closest('[part~="toggle"]');
    if (onToggle) this.setExpanded(node, !this.expanded.has(node.uuid));
    else this.select(node);
    void this.moveFocus(node.uuid);
  }

  private renderNode(node: UnitTreeNode, level: number, index: number, size: number): TemplateResult {
    const { t } = this;
    const id = this.ids.get(node.uuid) ?? 0;
    const hasChildren = node.children.length > 0;
    const expanded = this.expanded.has(node.uuid);
    const c = node.counts;
    // The sub-units are a sibling group owned by the item (aria-owns), so the item's accessible
    // name is its own text only, not its whole subtree.
    return html`<li role="none" part="node">
      <div
        role="treeitem"
        part="item row"
        data-uuid=${node.uuid}
        aria-level=${level}
        aria-setsize=${size}
        aria-posinset=${index + 1}
        aria-expanded=${hasChildren ? String(expanded) : nothing}
        aria-selected=${String(this.selected === node.uuid)}
        aria-labelledby=${`unit-${id} counts-${id}`}
        aria-owns=${hasChildren && expanded ? `group-${id}` : nothing}
        tabindex=${this.focused === node.uuid ? 0 : -1}
        @click=${(e: MouseEvent) => this.onClick(e, node)}
      >
        <span part="toggle" aria-hidden="true">${hasChildren ? (expanded ? '▾' : '▸') : ''}</span>
        <span part="label" id=${`unit-${id}`}>${node.name}</span>
        <span part="counts" id=${`counts-${id}`}>${t.unitCounts(c.usages, c.contracts, c.roles)}</span>
      </div>
      ${
        hasChildren && expanded
          ? html`<ul role="group" part="group" id=${`group-${id}`}>
              ${node.children.map((child, i) => this.renderNode(child, level + 1, i, node.children.length))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const { t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (this.phase === 'error') return html`<p part="error" role="alert">${t.loadFailed}</p>`;
    if (this.phase !== 'ready') return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (!this.roots.length) return html`<p part="message">${t.noUnits}</p>`;
    const level = Math.min(6, Math.max(0, this.headingLevel));
    return html`${
      level ? html`<div role="heading" aria-level=${level} part="title" id="title">${t.orgTree}</div>` : nothing
    }
      <ul role="tree" part="tree" aria-label=${t.orgTree} @keydown=${this.onKeydown}>
        ${this.roots.map((n, i) => this.renderNode(n, 1, i, this.roots.length))}
      </ul>`;
  }
}
