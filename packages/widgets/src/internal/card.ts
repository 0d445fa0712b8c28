import { css, html, nothing, type TemplateResult } from 'lit';
import type { CardValidity, RoleHolder } from '../data/client.js';
import type { Lang, Strings } from '../i18n/strings.js';
import { reasonSentences } from './status-text.js';

/** One fact of a card: a term and its value, or "Ikke angivet" when empty. */
export function fact(label: string, value: unknown, t: Strings, part = 'fact'): TemplateResult {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
  return html`<div part=${part}>
    <dt>${label}</dt>
    <dd>${empty ? html`<span part="not-set">${t.notSet}</span>` : value}</dd>
  </div>`;
}

/**
 * The status of a card: a green badge when active; when not, one sentence per reason
 * ("Ikke aktiv: slutdato 31-12-2025 er passeret") with a cross, so colour is never the only signal.
 */
export function statusBlock(validity: CardValidity, t: Strings, lang: Lang): TemplateResult {
  const sentences = reasonSentences(validity, t, lang);
  if (validity.valid) {
    return html`<div part="status">
      <kitos-status-badge .active=${true} lang=${lang}></kitos-status-badge>
      ${validity.enforcedValid ? html`<span part="enforced">${t.enforcedValid}</span>` : nothing}
    </div>`;
  }
  return html`<div part="status">
    <ul part="reasons">
      ${sentences.map((s) => html`<li part="reason"><span aria-hidden="true">✕ </span>${s}</li>`)}
    </ul>
  </div>`;
}

/** The roles table (role, user, email), or a line saying none are assigned. */
export function rolesTable(roles: readonly RoleHolder[], t: Strings): TemplateResult {
  if (!roles.length) return html`<p part="message">${t.noRoles}</p>`;
  return html`<table part="roles-table">
    <thead>
      <tr>
        <th scope="col">${t.role}</th>
        <th scope="col">${t.user}</th>
        <th scope="col">${t.email}</th>
      </tr>
    </thead>
    <tbody>
      ${roles.map(
        (r) => html`<tr>
          <td>${r.role}</td>
          <td>${r.user}</td>
          <td>${r.email ? html`<a href=${`mailto:${r.email}`}>${r.email}</a>` : ''}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A heading of the given level (2–6) without a dynamic tag name. */
export function heading(level: number, text: string, part: string, id?: string): TemplateResult {
  const clamped = Math.min(6, Math.max(1, Math.round(level) || 2));
  return html`<div role="heading" aria-level=${clamped} part=${part} id=${id ?? nothing}>${text}</div>`;
}

/** Styles the cards share. */
export const cardStyles = css`
  [part~='card'] {
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
    background: var(--kitos-color-bg, #fff);
    padding: 1rem 1.25rem;
  }
  [part~='title'] {
    font-size: 1.35em;
    font-weight: 700;
    margin: 0;
  }
  [part~='subtitle'] {
    margin: 0.25rem 0 0;
    color: var(--kitos-color-text-muted, #444);
  }
  [part~='section-title'] {
    font-size: 1.1em;
    font-weight: 700;
    margin: 1rem 0 0.5rem;
  }
  [part~='status'] {
    margin-block: 0.75rem;
  }
  [part~='reasons'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  [part~='reason'] {
    color: var(--kitos-color-danger, #a4161a);
    background: var(--kitos-color-danger-bg, #fbeaea);
    border-radius: var(--kitos-radius, 4px);
    padding: 0.2em 0.6em;
  }
  [part~='enforced'] {
    margin-inline-start: 0.5rem;
    color: var(--kitos-color-text-muted, #444);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem 1.5rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
    color: var(--kitos-color-text-muted, #444);
    font-size: 0.9em;
  }
  dd {
    margin: 0;
  }
  [part~='not-set'] {
    color: var(--kitos-color-text-muted, #444);
    font-style: italic;
  }
  ul[part~='list'] {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.3rem 0.5rem;
    border-block-end: 1px solid var(--kitos-color-row-border, #d8d8d8);
  }
  [part~='no-access'] {
    padding: 0.75rem 1rem;
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
  }
  [part~='edit-link'] {
    display: inline-block;
    margin-block-start: 0.75rem;
  }
`;

/** The edit and delete buttons of a card and its live region (what it says after a save or delete). */
export const cardActionStyles = css`
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }
  [part~='live']:not(:empty) {
    margin-block-end: 0.5rem;
    padding: 0.25rem 0.5rem;
    border-inline-start: 4px solid var(--kitos-color-focus, #0b5394);
  }
`;
