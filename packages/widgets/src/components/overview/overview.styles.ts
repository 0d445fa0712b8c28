import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-overview>`; colours and sizes come from `--kitos-*` custom properties. */
export const overviewStyles = [
  baseStyles,
  css`
    /* fill: the element takes its container's height, the grid the room the bars leave. */
    :host([fill]) {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    :host([fill]) [part~='grid'] {
      flex: 1 1 auto;
      min-height: 6rem;
      height: auto;
    }
    [part~='toolbar'],
    [part~='views'],
    [part~='active-filters'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin-block-end: 0.5rem;
    }
    [part~='save-view'] {
      display: contents;
    }
    [part~='count'] {
      margin: 0 0 0 auto;
      font-weight: 600;
    }
    [part~='column-chooser'],
    [part~='filter-panel'] {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      background: var(--kitos-color-surface, #f7f7f7);
      padding: 0.75rem 1rem;
      margin-block-end: 0.75rem;
    }
    [part~='panel-title'] {
      margin: 0 0 0.5rem;
      font-size: 1.05em;
    }
    [part~='column-chooser'] h4 {
      margin: 0.5rem 0 0.25rem;
      font-size: 1em;
    }
    [part~='column-chooser'] ol {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    [part~='column-chooser'] li {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      padding-block: 0.1rem;
    }
    [part~='column-chooser'] li span:first-child {
      flex: 0 1 18rem;
    }
    [part~='column-chooser'] li button {
      padding: 0 0.5em;
    }
    [part~='chooser-groups'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    [part~='chooser-groups'] h4 {
      flex-basis: 100%;
    }
    fieldset {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    legend {
      font-weight: 600;
    }
    [part~='filter-grid'] {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 0.75rem;
    }
    [part~='filter'] label {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    [part~='panel-actions'] {
      display: flex;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    [part~='active-filters'] ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='filter-chip'] {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: 1em;
      padding: 0.1em 0.25em 0.1em 0.75em;
      background: var(--kitos-color-surface, #f7f7f7);
    }
    [part~='filter-chip'] button {
      border-radius: 1em;
      padding: 0 0.5em;
    }
    [part~='grid'] {
      position: relative;
      height: var(--kitos-overview-height, 32rem);
      overflow: auto;
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
    }
    [part~='header'] {
      position: sticky;
      top: 0;
      z-index: 1;
      width: max(100%, var(--_width));
      background: var(--kitos-color-header-bg, #eef1f4);
      border-block-end: 2px solid var(--kitos-color-border, #767676);
    }
    [part~='header-row'],
    [part~='row'] {
      display: grid;
      grid-template-columns: var(--_columns);
      width: var(--_width);
    }
    [part~='header-row'] {
      min-height: 2.5rem;
    }
    [part~='row'] {
      /* One fixed height: the virtualizer's estimates stay exact, and a placeholder row is as tall
         as the loaded row that replaces it. */
      height: var(--kitos-row-height, 2.5rem);
      scroll-margin-block: 2.75rem 0;
      border-block-end: 1px solid var(--kitos-color-row-border, #d8d8d8);
      background: var(--kitos-color-bg, #fff);
    }
    [part~='row']:nth-child(even) {
      background: var(--kitos-color-row-alt, #f6f8fa);
    }
    [part~='row']:hover,
    [part~='row']:focus-within {
      background: var(--kitos-color-row-hover, #e6eef7);
    }
    [part~='body'] {
      width: var(--_width);
    }
    [part~='header-cell'] {
      display: flex;
      align-items: stretch;
    }
    [part~='sort-button'] {
      flex: 1;
      text-align: start;
      font-weight: 600;
      background: transparent;
      color: inherit;
      border: 0;
      border-radius: 0;
      padding: 0.4rem 0.5rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part~='cell'] {
      padding: 0.4rem 0.5rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part~='status-cell'] {
      padding-block: 0.25rem;
    }
    [part~='link'] {
      font-weight: 600;
    }
    button[part~='link'] {
      background: none;
      border: 0;
      padding: 0;
      color: var(--kitos-color-link, #0b5394);
      text-decoration: underline;
    }
    [part~='empty'] {
      padding: 1rem;
      color: var(--kitos-color-text-muted, #444);
    }
  `,
];
