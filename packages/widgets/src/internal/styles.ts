import { css } from 'lit';

/**
 * Styles every widget shares: the host font, the focus ring, buttons and form controls, and a
 * visually hidden utility. Colours and sizes come from `--kitos-*` custom properties with
 * defaults that meet WCAG 2.1 AA contrast on white.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--kitos-font-family, system-ui, sans-serif);
    font-size: var(--kitos-font-size, 1rem);
    color: var(--kitos-color-text, #1a1a1a);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--kitos-color-focus, #0b5394);
    outline-offset: 1px;
  }
  a {
    color: var(--kitos-color-link, #0b5394);
  }
  button {
    font: inherit;
    color: var(--kitos-color-button-text, #0b3d6b);
    background: var(--kitos-color-button-bg, #eef3f8);
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
  button:disabled {
    color: var(--kitos-color-text-muted, #444);
    cursor: default;
    opacity: 0.7;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--kitos-color-bg, #fff);
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
    padding: 0.2em 0.4em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  [part~='message'] {
    color: var(--kitos-color-text-muted, #444);
  }
  [part~='error'] {
    color: var(--kitos-color-danger, #a4161a);
  }
`;
