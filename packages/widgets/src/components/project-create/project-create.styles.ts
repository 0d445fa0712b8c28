import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-project-create>`; colours come from `--kitos-*` custom properties. */
export const projectCreateStyles = [
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
