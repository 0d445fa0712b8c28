import { css } from 'lit';
import { coordinationStyles } from '../../internal/coordination.js';

/** Styles of `<kitos-catalogue>`. */
export const catalogueStyles = [
  ...coordinationStyles,
  css`
    .scroll {
      overflow-x: auto;
    }
    [part~='system'] {
      text-align: start;
      background: none;
      border: none;
      padding: 0;
      color: var(--kitos-color-link, #0b5394);
      text-decoration: underline;
      font-weight: 600;
    }
    [part~='system'][aria-expanded='true'] {
      text-decoration-thickness: 3px;
    }
    .kle {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    [part~='pager'] {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-block-start: 0.5rem;
    }
    .panel-head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 1rem;
    }
    .panel-head [part~='section-title'] {
      margin-block-start: 0;
    }
  `,
];
