import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-contract-create>`; colours come from `--kitos-*` custom properties. */
export const contractCreateStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    [part~='live']:not(:empty) {
      margin-inline-start: 0.5rem;
    }
  `,
];
