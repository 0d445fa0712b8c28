import { css } from 'lit';
import { coordinationStyles } from '../../internal/coordination.js';

/** Styles of `<kitos-similar-landscapes>`. */
export const similarLandscapesStyles = [
  ...coordinationStyles,
  css`
    [part~='organization'],
    [part~='suggestion'] {
      border-bottom: 1px solid var(--kitos-color-border-light, #d0d0d0);
      padding-block-end: 0.5rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 1rem;
    }
    .head .bar {
      flex: 0 1 16rem;
    }
    [part~='explanation'] {
      margin: 0.25rem 0 0;
      overflow-wrap: anywhere;
    }
    .status p {
      margin: 0.25rem 0;
    }
  `,
];
