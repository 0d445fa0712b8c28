import { css } from 'lit';
import { cardActionStyles, cardStyles } from '../../internal/card.js';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-contract-card>`; colours come from `--kitos-*` custom properties. */
export const contractCardStyles = [
  baseStyles,
  cardStyles,
  cardActionStyles,
  css`
    [part~='next-deadline'] {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--kitos-color-link, #0b5394);
      background: var(--kitos-color-surface, #f7f7f7);
    }
  `,
];
