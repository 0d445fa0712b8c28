/**
 * What the widgets across municipalities share: the base class (their dictionary, the client's
 * coordination reads, the organisation) and the styles of bars and panels.
 *
 * @module
 */
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { canCoordinate, type KitosCoordinationReader } from '../data/client.js';
import { type CoordinationStrings, coordinationStrings } from '../i18n/coordination-strings.js';
import { KitosElement } from './kitos-element.js';
import { baseStyles } from './styles.js';

/** Base class of `<kitos-catalogue>`, `<kitos-procurement-radar>` and `<kitos-similar-landscapes>`. */
export class KitosCoordinationElement extends KitosElement {
  /** The viewer's organisation; default: the provider's. */
  @property({ attribute: 'organization-uuid' })
  organizationUuid = '';

  /** Heading level of the title (2–6, default 2); sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** The organisation in use. */
  protected get org(): string {
    return this.organizationUuid || this.kitos?.organizationUuid || '';
  }

  /** The coordination words of the language in use. */
  protected get ct(): CoordinationStrings {
    return coordinationStrings(this.language);
  }

  /** The client's coordination reads, if it has them. */
  protected get reader(): KitosCoordinationReader | undefined {
    const client = this.activeClient;
    return canCoordinate(client) ? client : undefined;
  }
}

/** Styles the coordination widgets share: title, toolbar, bars, panels, tables. */
export const coordinationStyles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    [part~='section-title'] {
      font-size: 1.1em;
      font-weight: 700;
      margin: 1rem 0 0.5rem;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 1rem;
      margin-block-end: 0.75rem;
    }
    [part~='toolbar'] label {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      font-size: 0.9em;
      min-width: 0;
    }
    [part~='toolbar'] select {
      max-width: 16rem;
    }
    [part~='count'] {
      margin: 0 0 0 auto;
      font-weight: 600;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-width: 8rem;
    }
    .bar-track {
      display: block;
      flex: 1 1 auto;
      min-width: 3rem;
      height: 0.75rem;
      background: var(--kitos-bar-track, #e6e6e6);
      border-radius: 2px;
      overflow: hidden;
    }
    .bar-fill {
      display: block;
      height: 100%;
      background: var(--kitos-bar-color, #0b5394);
    }
    .bar-text {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--kitos-color-border-light, #d0d0d0);
      overflow-wrap: break-word;
    }
    th {
      font-weight: 600;
      background: var(--kitos-color-header-bg, #f3f5f7);
    }
    [part~='panel'] {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      background: var(--kitos-color-bg, #fff);
      padding: 0.75rem 1rem;
      margin-block-start: 1rem;
    }
    ul.plain {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .muted {
      color: var(--kitos-color-text-muted, #444);
    }
  `,
];

/**
 * A bar for a share of a maximum, with the number in words beside it (the bar itself is hidden
 * from screen readers: the words say it).
 */
export function barWidth(value: number, max: number): string {
  // A share that is there stays visible (at least 2 %); nothing is an empty track.
  return `${max > 0 && value > 0 ? Math.max(2, Math.round((100 * value) / max)) : 0}%`;
}
