import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-relation-graph>`; colours come from `--kitos-*` custom properties. */
export const relationGraphStyles = [
  baseStyles,
  css`
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      min-width: 0;
      max-width: 100%;
    }
    select {
      max-width: min(18rem, 100%);
    }
    input[type='number'] {
      width: 4.5em;
    }
    [part~='summary'] {
      color: var(--kitos-color-text-muted, #444);
      margin: 0.5rem 0;
    }
    [part~='graph'] {
      display: block;
      max-width: 100%;
      height: auto;
      max-height: 70vh;
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
    }
    .node {
      cursor: pointer;
    }
    [part~='scroller'] {
      overflow-x: auto;
      max-width: 100%;
      margin-block-start: 1rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.3rem 0.5rem;
      border-block-end: 1px solid var(--kitos-color-border, #767676);
      vertical-align: top;
      overflow-wrap: break-word;
    }
    th {
      white-space: nowrap;
    }
    button.link {
      background: none;
      border: none;
      padding: 0;
      color: var(--kitos-color-link, #0b5394);
      text-decoration: underline;
      text-align: start;
    }
  `,
];
