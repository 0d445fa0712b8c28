import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-contract-deadlines>`; urgency colours come from `--kitos-urgency-*` properties. */
export const contractDeadlinesStyles = [
  baseStyles,
  css`
    /* The list adapts to the width it gets (a sidebar or the full page), not to the window's. */
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
    [part~='count'] {
      margin: 0 0 0 auto;
      font-weight: 600;
    }
    [part~='month-title'] {
      font-size: 1.1em;
      font-weight: 700;
      margin: 1rem 0 0.5rem;
      text-transform: capitalize;
    }
    [part~='items'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35rem;
    }
    [part~='item'] {
      display: grid;
      grid-template-columns: 11rem 6.5rem minmax(10rem, 14rem) minmax(10rem, 1fr) auto;
      grid-template-areas: 'urgency date kind contract days' 'urgency date kind meta days';
      align-items: center;
      gap: 0 0.75rem;
      padding: 0.4rem 0.75rem;
      border-inline-start: 6px solid var(--_urgency);
      background: var(--_urgency-bg);
      border-radius: var(--kitos-radius, 4px);
    }
    [part~='item'][data-urgency='overdue'] {
      --_urgency: var(--kitos-urgency-overdue, #a4161a);
      --_urgency-bg: var(--kitos-urgency-overdue-bg, #fbeaea);
    }
    [part~='item'][data-urgency='soon'] {
      --_urgency: var(--kitos-urgency-soon, #8a4600);
      --_urgency-bg: var(--kitos-urgency-soon-bg, #fff1e0);
    }
    [part~='item'][data-urgency='upcoming'] {
      --_urgency: var(--kitos-urgency-upcoming, #5f5200);
      --_urgency-bg: var(--kitos-urgency-upcoming-bg, #fdf9dc);
    }
    [part~='item'][data-urgency='later'] {
      --_urgency: var(--kitos-urgency-later, #0b6b2b);
      --_urgency-bg: var(--kitos-urgency-later-bg, #e7f5ec);
    }
    [part~='urgency'] {
      grid-area: urgency;
      color: var(--_urgency);
      font-weight: 700;
    }
    [part~='date'] {
      grid-area: date;
      font-variant-numeric: tabular-nums;
    }
    [part~='kind'] {
      grid-area: kind;
    }
    [part~='contract'] {
      grid-area: contract;
      font-weight: 600;
      justify-self: start;
    }
    button[part~='contract'] {
      background: none;
      border: 0;
      padding: 0;
      color: var(--kitos-color-link, #0b5394);
      text-decoration: underline;
    }
    [part~='meta'] {
      grid-area: meta;
      color: var(--kitos-color-text-muted, #444);
      font-size: 0.9em;
    }
    [part~='days'] {
      grid-area: days;
      color: var(--kitos-color-text-muted, #444);
    }
    @container (max-width: 46rem) {
      [part~='item'] {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'urgency days' 'date kind' 'contract contract' 'meta meta';
      }
    }
  `,
];
