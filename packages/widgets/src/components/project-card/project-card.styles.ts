import { css } from 'lit';
import { cardActionStyles, cardStyles } from '../../internal/card.js';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-project-card>`; colours come from `--kitos-*` custom properties. */
export const projectCardStyles = [
  baseStyles,
  cardStyles,
  cardActionStyles,
  css`
    [part~='traffic-light']::before {
      content: '';
      display: inline-block;
      inline-size: 0.75em;
      block-size: 0.75em;
      border-radius: 50%;
      margin-inline-end: 0.4em;
      border: 1px solid var(--kitos-color-border, #767676);
      background: var(--kitos-traffic-light, transparent);
    }
    [part~='traffic-light'][data-light='Green'] {
      --kitos-traffic-light: var(--kitos-color-success, #2e7d32);
    }
    [part~='traffic-light'][data-light='Yellow'] {
      --kitos-traffic-light: var(--kitos-color-warning, #f2c12e);
    }
    [part~='traffic-light'][data-light='Red'] {
      --kitos-traffic-light: var(--kitos-color-danger, #a4161a);
    }
    [part~='phases-table'] {
      margin-block-start: 0.25rem;
    }
    [part~='phases-table'] tbody th {
      font-weight: 400;
    }
    .date {
      white-space: nowrap;
    }
    tr[aria-current] th {
      font-weight: 700;
    }
    [part~='phases-table'] th,
    [part~='phases-table'] td {
      padding-inline: 0.35rem;
    }
    [part~='phases'] {
      overflow-x: auto;
    }
  `,
];
