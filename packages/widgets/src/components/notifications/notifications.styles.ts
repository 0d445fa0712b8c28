import { css } from 'lit';
import { baseStyles } from '../../internal/styles.js';

/** Styles of `<kitos-notifications>`; status colours come from `--kitos-reminder-*` properties. */
export const notificationsStyles = [
  baseStyles,
  css`
    [part~='title'] {
      font-size: 1.35em;
      font-weight: 700;
      margin-block-end: 0.25rem;
    }
    [part~='section-title'] {
      font-size: 1.1em;
      font-weight: 700;
      margin: 1rem 0 0.5rem;
    }
    [part~='count'] {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    [part~='items'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35rem;
    }
    [part~='item'] {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      padding: 0.4rem 0.75rem;
      border-inline-start: 6px solid var(--_status);
      background: var(--_status-bg);
      border-radius: var(--kitos-radius, 4px);
      --_status: var(--kitos-reminder-planned, #1d4f91);
      --_status-bg: var(--kitos-reminder-planned-bg, #eef3fa);
    }
    [part~='item'][data-status='sent'] {
      --_status: var(--kitos-reminder-sent, #1e6b34);
      --_status-bg: var(--kitos-reminder-sent-bg, #e9f5ec);
    }
    [part~='item'][data-status='failed'],
    [part~='item'][data-status='retrying'] {
      --_status: var(--kitos-reminder-failed, #a4161a);
      --_status-bg: var(--kitos-reminder-failed-bg, #fbeaea);
    }
    [part~='status'] {
      font-weight: 600;
    }
    [part~='record'] {
      font: inherit;
      color: var(--kitos-link-color, #1d4f91);
      background: none;
      border: 0;
      padding: 0;
      text-decoration: underline;
      cursor: pointer;
    }
    [part~='reason'] {
      flex-basis: 100%;
    }
  `,
];
