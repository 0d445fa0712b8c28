import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-data-quality>`; score colours come from `--kitos-quality-*` properties. */
export const dataQualityStyles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.5rem;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-end: 0.75rem;
    }
    [part~='unit-select'] {
      max-width: 100%;
    }
    [part~='unit'] {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
      max-width: 100%;
    }
    [part~='status'] {
      margin: 0 0 0 auto;
      font-weight: 600;
    }
    [part~='kinds'] {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.75rem;
    }
    [part~='kind'] {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      padding: 0.6rem 0.8rem;
      min-width: 0;
    }
    [part~='kind-title'],
    [part~='worst-title'] {
      font-size: 1.1em;
      font-weight: 700;
      margin-block-end: 0.25rem;
    }
    [part~='worst-title'] {
      margin-block-start: 1rem;
    }
    [part~='records'],
    [part~='checks-title'] {
      margin: 0.25rem 0;
    }
    [part~='checks-title'] {
      font-weight: 600;
    }
    [part~='score-line'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    [part~='score'] {
      width: 8rem;
      max-width: 100%;
    }
    [part~='score-line'][data-band='good'] strong {
      color: var(--kitos-quality-good, #1e6b34);
    }
    [part~='score-line'][data-band='fair'] strong {
      color: var(--kitos-quality-fair, #8a4600);
    }
    [part~='score-line'][data-band='poor'] strong {
      color: var(--kitos-quality-poor, #a4161a);
    }
    [part~='checks'] {
      margin: 0;
      padding-inline-start: 1.1rem;
    }
    [part~='checks'] li {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    [part~='check-count'] {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    [part~='worst'] {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.35rem;
    }
    [part~='record'] {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      padding: 0.4rem 0.75rem;
    }
    [part~='record'] summary {
      cursor: pointer;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }
    [part~='record'] summary:focus-visible {
      outline: 2px solid var(--kitos-color-focus, #005fcc);
      outline-offset: 2px;
    }
    [part~='record-title'] {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='record-meta'] {
      color: var(--kitos-color-text-muted, #444);
    }
    [part~='gaps'] {
      margin: 0.4rem 0;
      padding-inline-start: 1.1rem;
    }
    [part~='gap'] {
      overflow-wrap: anywhere;
    }
    [part~='severity'] {
      display: inline-block;
      font-size: 0.85em;
      font-weight: 600;
      padding: 0 0.35rem;
      border-radius: var(--kitos-radius, 4px);
      border: 1px solid currentColor;
    }
    [part~='gap'][data-severity='required'] [part~='severity'] {
      color: var(--kitos-quality-poor, #a4161a);
    }
    [part~='gap'][data-severity='recommended'] [part~='severity'] {
      color: var(--kitos-quality-fair, #8a4600);
    }
  `,
];
