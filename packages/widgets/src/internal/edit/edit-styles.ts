import { css } from 'lit';

/** Styles of the edit forms and dialogs; colours come from `--kitos-*` custom properties. */
export const editStyles = css`
  [part~='edit-form'] {
    display: grid;
    gap: 1rem;
  }
  fieldset {
    border: 1px solid var(--kitos-color-row-border, #d8d8d8);
    border-radius: var(--kitos-radius, 4px);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    min-width: 0;
  }
  [part~='group-title'] {
    font-weight: 700;
    font-size: 1.05em;
    padding: 0 0.25rem;
  }
  [part~='fields'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: 0.75rem 1.25rem;
  }
  [part~='field'] {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    min-width: 0;
  }
  /* A yes/no field: the box before its label, on the line where the neighbouring inputs sit. */
  [part~='check-field'] {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    align-self: end;
    gap: 0.2rem 0.5rem;
    padding-block-end: 0.3rem;
  }
  [part~='check-field'] > input {
    order: -1;
  }
  [part~='check-field'] > span {
    flex-basis: 100%;
  }
  [part~='field'].wide,
  [part~='gate'] {
    grid-column: 1 / -1;
  }
  [part~='gate'] {
    border-inline-start: 3px solid var(--kitos-color-row-border, #d8d8d8);
    padding-inline-start: 0.75rem;
  }
  [part~='field'] > label:not(.check) {
    font-weight: 600;
    font-size: 0.9em;
  }
  input[type='text'],
  select,
  textarea {
    width: 100%;
    max-width: 100%;
    min-width: 0;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: var(--kitos-color-bg, #fff);
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
    padding: 0.2em 0.4em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--kitos-color-danger, #a4161a);
    border-width: 2px;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding-block: 0.1rem;
    overflow-wrap: anywhere;
  }
  [part~='choice-list'] {
    max-height: 14rem;
    overflow-y: auto;
    margin-block-start: 0.3rem;
    padding-inline: 0.25rem;
    border: 1px solid var(--kitos-color-row-border, #d8d8d8);
  }
  label.filter {
    display: block;
    font-size: 0.9em;
  }
  #unit-filter {
    width: min(100%, 20rem);
    margin-block-end: 0.4rem;
  }
  [part~='role-list'] {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  [part~='role-list'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  [part~='add-role'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }
  [part~='add-role'] [part~='field'] {
    flex: 1 1 12rem;
  }
  [part~='unit-tree'] {
    max-height: 14rem;
    overflow: auto;
  }
  [part~='hint'] {
    color: var(--kitos-color-text-muted, #444);
    font-size: 0.85em;
  }
  [part~='warning'] {
    color: var(--kitos-color-warning, #7a4b00);
  }
  [part~='field-error'] {
    color: var(--kitos-color-danger, #a4161a);
    font-size: 0.9em;
    font-weight: 600;
  }
  [part~='changed'] {
    color: var(--kitos-color-warning, #7a4b00);
    font-size: 0.85em;
    font-weight: 600;
  }
  [part~='conflict'] {
    border: 2px solid var(--kitos-color-warning, #7a4b00);
    background: var(--kitos-color-warning-bg, #fff6e0);
    border-radius: var(--kitos-radius, 4px);
    padding: 0.5rem 0.75rem;
  }
  [part~='conflict'] p {
    margin: 0.25rem 0;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  [part~='live']:empty {
    padding: 0;
    border: 0;
  }
  [part~='live'] {
    padding: 0.25rem 0.5rem;
    border-inline-start: 4px solid var(--kitos-color-focus, #0b5394);
  }
  dialog {
    border: 1px solid var(--kitos-color-border, #767676);
    border-radius: var(--kitos-radius, 4px);
    padding: 1rem 1.25rem;
    max-width: min(36rem, calc(100vw - 2rem));
    color: inherit;
    background: var(--kitos-color-bg, #fff);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  [part~='dialog-title'] {
    font-size: 1.2em;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
`;
