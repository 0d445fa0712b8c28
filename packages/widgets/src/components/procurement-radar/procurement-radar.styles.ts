import { css } from 'lit';
import { coordinationStyles } from '../../internal/coordination.js';

/** Styles of `<kitos-procurement-radar>`; the kinds' colours come from `--kitos-radar-*` properties. */
export const procurementRadarStyles = [
  ...coordinationStyles,
  css`
    .scroll {
      overflow-x: auto;
    }
    [part~='view-toggle'] {
      display: flex;
      gap: 0.25rem;
    }
    [part~='view-toggle'] button[aria-pressed='true'] {
      background: var(--kitos-color-button-active-bg, #0b3d6b);
      color: var(--kitos-color-button-active-text, #fff);
    }
    [part~='summary'] {
      font-weight: 600;
      margin: 0 0 0.5rem;
    }
    .legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 0.75rem;
      padding: 0;
    }
    .chip {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.35rem;
      border-radius: var(--kitos-radius, 4px);
      padding: 0.1rem 0.4rem;
      border-inline-start: 4px solid currentColor;
    }
    .chip[data-kind='tenderStart'] {
      color: var(--kitos-radar-tender, #0b3d6b);
      background: var(--kitos-radar-tender-bg, #e3eef9);
    }
    .chip[data-kind='earliestEnd'] {
      color: var(--kitos-radar-end, #6b4500);
      background: var(--kitos-radar-end-bg, #fdf0d5);
    }
    .chip[data-kind='expiry'] {
      color: var(--kitos-radar-expiry, #8a1116);
      background: var(--kitos-radar-expiry-bg, #fbe4e5);
    }
    [part~='timeline'] {
      display: grid;
      border: 1px solid var(--kitos-color-border-light, #d0d0d0);
      min-width: min-content;
    }
    .row {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
    }
    .row > * {
      padding: 0.35rem 0.4rem;
      border-bottom: 1px solid var(--kitos-color-border-light, #d0d0d0);
      border-inline-start: 1px solid var(--kitos-color-border-light, #d0d0d0);
      min-width: 0;
    }
    .corner,
    .quarter {
      font-weight: 600;
      background: var(--kitos-color-header-bg, #f3f5f7);
    }
    .system {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .cell {
      cursor: pointer;
    }
    .cell[aria-selected='true'] {
      box-shadow: inset 0 0 0 2px var(--kitos-color-focus, #0b5394);
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
      font-size: 0.85em;
    }
    .entries .chip {
      display: flex;
    }
    .org {
      font-weight: 600;
      color: var(--kitos-color-text, #1a1a1a);
      overflow-wrap: anywhere;
    }
    .kinds {
      overflow-wrap: anywhere;
    }
    [part~='like-mine'] {
      margin: 0 0 1rem;
    }
    [part~='like-mine-table'] th[scope='row'] {
      font-weight: 600;
      text-align: start;
      background: none;
    }
    /* Narrow columns scroll sideways (the .scroll box) instead of breaking words into letters. */
    [part~='like-mine-table'] {
      min-width: 42rem;
    }
    [part~='like-mine-table'] td,
    [part~='like-mine-table'] th {
      vertical-align: top;
      overflow-wrap: break-word;
    }
    [part~='like-mine-table'] ul.plain {
      display: grid;
      justify-items: start;
      gap: 0.25rem;
    }
    [part~='like-mine-table'] .chip {
      display: inline-block;
    }
    [part~='show-on-radar'] {
      font-size: 0.85em;
      padding: 0.05rem 0.4rem;
      margin-inline-start: 0.25rem;
    }
  `,
];
