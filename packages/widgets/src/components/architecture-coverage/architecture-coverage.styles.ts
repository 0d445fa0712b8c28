import { css } from 'lit';
import { coordinationStyles } from '../../internal/coordination.js';

/** Styles of `<kitos-architecture-coverage>`. */
export const architectureCoverageStyles = [
  ...coordinationStyles,
  css`
    [part~='summary'] p {
      margin: 0 0 0.5rem;
    }
    [part~='summary'] .bar {
      max-width: 28rem;
    }
    table th[scope='row'] {
      font-weight: 400;
      background: none;
      overflow-wrap: anywhere;
    }
    td {
      width: 55%;
    }
    .bar-text {
      white-space: normal;
    }
    td .bar-text {
      flex: 0 0 8.5rem;
      text-align: end;
    }
  `,
];
