import { css } from 'lit';
import { cardStyles } from '../../internal/card.js';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-usage-card>`; colours come from `--kitos-*` custom properties. */
export const usageCardStyles = [
  baseStyles,
  cardStyles,
  css`
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    [part~='live']:not(:empty) {
      margin-block-end: 0.5rem;
      padding: 0.25rem 0.5rem;
      border-inline-start: 4px solid var(--kitos-color-focus, #0b5394);
    }
  `,
];
