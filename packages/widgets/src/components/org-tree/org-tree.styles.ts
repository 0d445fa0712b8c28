import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-org-tree>`; colours come from `--kitos-*` custom properties. */
export const orgTreeStyles = [
  baseStyles,
  css`
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='group'] {
      padding-inline-start: 1.25rem;
    }
    [part~='item']:focus-visible {
      outline: 3px solid var(--kitos-color-focus, #0b5394);
      outline-offset: -1px;
    }
    [part~='item'] {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      padding: 0.2rem 0.4rem;
      border-radius: var(--kitos-radius, 4px);
    }
    [part~='item'][aria-selected='true'] {
      background: var(--kitos-color-selected-bg, #dce8f5);
      color: var(--kitos-color-selected, #0b3d6b);
      font-weight: 600;
    }
    [part~='toggle'] {
      display: inline-block;
      width: 1em;
      cursor: pointer;
    }
    [part~='counts'] {
      color: var(--kitos-color-text-muted, #444);
      font-size: 0.875em;
    }
  `,
];
