import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-gdpr-register>`, with a print layout: no toolbar, one entry never split. */
export const gdprRegisterStyles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
    }
    [part~='as-of'] {
      margin: 0.25rem 0 0.5rem;
      color: var(--kitos-color-text-muted, #444);
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-end: 0.75rem;
    }
    [part~='unit'] {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
      max-width: 100%;
    }
    [part~='unit-select'] {
      max-width: 100%;
    }
    [part~='buttons'] {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    [part~='status'] {
      margin: 0;
      font-weight: 600;
      flex-basis: 100%;
    }
    [part~='not-in-model'] {
      border-inline-start: 4px solid var(--kitos-color-border, #767676);
      padding: 0.25rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    [part~='not-in-model-title'],
    [part~='attention-title'],
    [part~='section-title'] {
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    [part~='not-in-model'] ul,
    [part~='attention'] ul {
      margin: 0;
      padding-inline-start: 1.1rem;
    }
    [part~='entries'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    [part~='entry'] {
      border: 1px solid var(--kitos-color-border, #767676);
      border-radius: var(--kitos-radius, 4px);
      padding: 0.6rem 0.8rem;
      min-width: 0;
    }
    [part~='entry-heading'] {
      font-size: 1.15em;
      font-weight: 700;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
      margin-block-end: 0.4rem;
    }
    [part~='entry-title'] {
      font: inherit;
      font-weight: 700;
      background: none;
      border: none;
      padding: 0;
      color: var(--kitos-color-link, #0b5394);
      text-decoration: underline;
      cursor: pointer;
      text-align: start;
      overflow-wrap: anywhere;
    }
    [part~='system'] {
      font-weight: 400;
      color: var(--kitos-color-text-muted, #444);
      overflow-wrap: anywhere;
    }
    [part~='attention'] {
      color: var(--kitos-attention, #7a1212);
      background: var(--kitos-attention-bg, #fbeaea);
      border-radius: var(--kitos-radius, 4px);
      padding: 0.4rem 0.75rem;
      margin-block-end: 0.5rem;
      overflow-wrap: anywhere;
    }
    [part~='sections'] {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      gap: 0.5rem 1rem;
    }
    [part~='section'] {
      min-width: 0;
    }
    [part~='fields'] {
      margin: 0;
    }
    [part~='fields'] > div {
      display: grid;
      grid-template-columns: minmax(8rem, 45%) 1fr;
      gap: 0 0.5rem;
      padding: 0.1rem 0;
      border-block-end: 1px dotted var(--kitos-color-border, #767676);
    }
    dt {
      color: var(--kitos-color-text-muted, #444);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
      min-width: 0;
    }
    [part~='empty'] {
      color: var(--kitos-color-text-muted, #444);
      font-style: italic;
    }
    @container (max-width: 30rem) {
      [part~='fields'] > div {
        grid-template-columns: 1fr;
      }
      [part~='sections'] {
        grid-template-columns: 1fr;
      }
    }
    @media print {
      [part~='toolbar'] {
        display: none;
      }
      [part~='entry'] {
        break-inside: avoid;
        border-color: #000;
      }
      [part~='entry-title'] {
        color: inherit;
        text-decoration: none;
      }
      [part~='attention'] {
        border: 1px solid #000;
        background: none;
        color: inherit;
      }
      [part~='sections'] {
        grid-template-columns: repeat(2, 1fr);
      }
    }
  `,
];
