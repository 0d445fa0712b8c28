import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-roles>`; colours come from `--kitos-*` custom properties. */
export const rolesStyles = [
  baseStyles,
  css`
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    [part~='toolbar'],
    [part~='transfer'] {
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
      max-width: 100%;
    }
    [part~='count'] {
      color: var(--kitos-color-text-muted, #444);
      margin: 0.5rem 0;
    }
    [part~='scroller'] {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
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
    [part~='email'] {
      display: block;
      /* Broken only where the column cannot hold it (anywhere would let the table squeeze it). */
      overflow-wrap: break-word;
      color: var(--kitos-color-text-muted, #444);
      font-size: 0.875em;
    }
    [part~='transfer'] {
      margin-block-start: 0.75rem;
      padding: 0.75rem;
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
    }
    [part~='transfer'] h3 {
      flex-basis: 100%;
      margin: 0;
      font-size: 1.1em;
    }
    [part~='status']:empty {
      display: none;
    }
    [part~='error'],
    [part~='refusal'] {
      color: var(--kitos-color-danger, #a4000f);
    }
    dialog {
      max-width: min(40rem, calc(100vw - 2rem));
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
    }
    dialog h3 {
      margin-block-start: 0;
      overflow-wrap: anywhere;
    }
    [part~='plan'] {
      max-height: 50vh;
      overflow: auto;
      padding-inline-start: 1.25rem;
      overflow-wrap: anywhere;
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
];
