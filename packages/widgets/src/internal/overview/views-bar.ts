import { html, nothing, type TemplateResult } from 'lit';
import type { OverviewView } from '../../data/view.js';
import type { Strings } from '../../i18n/strings.js';

/** What the saved-views bar needs from the grid. */
export interface ViewsBarContext {
  readonly t: Strings;
  readonly saved: readonly OverviewView[];
  /** Name of the saved view shown now, or `''`. */
  readonly current: string;
  /** `#…` link that opens the current view. */
  readonly link: string | null;
  readonly onPick: (name: string) => void;
  readonly onSave: (name: string) => void;
  readonly onDelete: (name: string) => void;
}

/** Named views: pick one, save the current one under a name, delete one, or copy its link. */
export function viewsBar(ctx: ViewsBarContext): TemplateResult {
  const { t } = ctx;
  const save = (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('view-name') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      input.focus();
      return;
    }
    ctx.onSave(name);
    input.value = '';
  };
  return html`<div part="views">
    <label
      >${t.views}
      <select
        part="view-select"
        @change=${(e: Event) => ctx.onPick((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${ctx.current === ''}>${t.currentView}</option>
        ${ctx.saved.map((v) => html`<option value=${v.name ?? ''} ?selected=${v.name === ctx.current}>${v.name}</option>`)}
      </select></label
    >
    <button type="button" part="delete-view" ?disabled=${!ctx.current} @click=${() => ctx.onDelete(ctx.current)}>
      ${t.deleteView}
    </button>
    <form part="save-view" @submit=${save}>
      <label>${t.viewName} <input name="view-name" type="text" autocomplete="off" /></label>
      <button type="submit">${t.saveView}</button>
    </form>
    ${ctx.link ? html`<a part="view-link" href=${ctx.link}>${t.viewLink}</a>` : nothing}
  </div>`;
}
