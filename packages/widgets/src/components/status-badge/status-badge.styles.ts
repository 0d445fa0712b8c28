import { css } from 'lit';

/** Styles of `<kitos-status-badge>`; colours come from `--kitos-*` custom properties. */
export const statusBadgeStyles = css`
  :host {
    display: inline-block;
    font: inherit;
  }
  [part='badge'] {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    padding: 0.1em 0.6em;
    border-radius: 1em;
    border: 1px solid currentColor;
  }
  [part='badge'][data-active='true'] {
    color: var(--kitos-color-success, #0b6b2b);
    background: var(--kitos-color-success-bg, #e7f5ec);
  }
  [part='badge'][data-active='false'] {
    color: var(--kitos-color-danger, #a4161a);
    background: var(--kitos-color-danger-bg, #fbeaea);
  }
  [part='reason'] {
    color: var(--kitos-color-text-muted, #444);
  }
`;
