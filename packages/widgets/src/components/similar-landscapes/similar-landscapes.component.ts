import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  CatalogueFilters,
  KitosCoordinationReader,
  LandscapeSuggestion,
  SimilarLandscape,
} from '../../data/client.js';
import { formatCount } from '../../i18n/format.js';
import { heading } from '../../internal/card.js';
import { barWidth, KitosCoordinationElement } from '../../internal/coordination.js';
import { similarLandscapesStyles } from './similar-landscapes.styles.js';

type Phase = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Landscapes like mine: the organisations whose IT portfolios are most like the viewer's
 * organisation's (each shared system weighted by how rare it is), with the similarity as a bar and a
 * percentage and an explanation in words naming the rarest shared systems; and, for a chosen KLE
 * task, the systems the most similar organisations use for it that this organisation does not.
 *
 * @summary The most similar municipalities, explained, and what they use that you do not.
 * @tagname kitos-similar-landscapes
 * @fires {KitosErrorEvent} kitos-error - The similar organisations, the KLE tasks or the suggestions could not be loaded.
 * @csspart title - The heading.
 * @csspart base - The whole widget.
 * @csspart similar - The list of similar organisations.
 * @csspart organization - One similar organisation.
 * @csspart bar - A similarity's bar and percentage.
 * @csspart explanation - Why an organisation is similar, in words.
 * @csspart toolbar - The KLE task choice.
 * @csspart kle-select - The KLE task.
 * @csspart suggestions - The systems suggested for the task.
 * @csspart suggestion - One suggested system.
 * @csspart message - Loading, empty and "not available" messages.
 * @csspart error - The error message.
 * @cssprop --kitos-bar-color - Colour of the similarity bars.
 * @cssprop --kitos-bar-track - Background of the similarity bars.
 *
 * @example
 * ```html
 * <kitos-similar-landscapes limit="5" kle-uuid="…"></kitos-similar-landscapes>
 * ```
 */
export class KitosSimilarLandscapes extends KitosCoordinationElement {
  /** Styles of the element. */
  static override styles = similarLandscapesStyles;

  /** How many similar organisations to show (1–100, default 5). */
  @property({ type: Number })
  limit = 5;

  /** The KLE task to suggest systems for (the user can change it); empty for none. */
  @property({ attribute: 'kle-uuid' })
  kleUuid = '';

  /** How many of the most similar organisations the suggestions draw from (1–100, default 10). */
  @property({ type: Number })
  neighbours = 10;

  /** How many systems to suggest for the task (1–100, default 10), most supported first. */
  @property({ type: Number, attribute: 'suggestion-limit' })
  suggestionLimit = 10;

  @state() private similar: readonly SimilarLandscape[] = [];
  @state() private suggestions: readonly LandscapeSuggestion[] = [];
  @state() private filters: CatalogueFilters | undefined;
  @state() private phase: Phase = 'idle';
  @state() private suggestionPhase: Phase = 'idle';
  private source: KitosCoordinationReader | undefined;
  private similarKey = '';
  private suggestionKey = '';
  private request = 0;
  private suggestionRequest = 0;

  private clamp(n: number, fallback: number): number {
    return Math.min(100, Math.max(1, Math.floor(n) || fallback));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reader = this.reader;
    if (!reader || !this.org) return;
    const readerChanged = reader !== this.source;
    this.source = reader;
    if (readerChanged) void this.loadFilters(reader);
    const similarKey = `${this.org}|${this.clamp(this.limit, 5)}`;
    if (similarKey !== this.similarKey || readerChanged) {
      this.similarKey = similarKey;
      void this.loadSimilar(reader);
    }
    const suggestionKey = `${this.org}|${this.kleUuid}|${this.clamp(this.neighbours, 10)}|${this.clamp(this.suggestionLimit, 10)}`;
    if (suggestionKey !== this.suggestionKey || readerChanged) {
      this.suggestionKey = suggestionKey;
      if (this.kleUuid) void this.loadSuggestions(reader);
      else {
        this.suggestionRequest++;
        this.suggestions = [];
        this.suggestionPhase = 'idle';
      }
    }
  }

  private async loadFilters(reader: KitosCoordinationReader): Promise<void> {
    try {
      this.filters = await reader.catalogueFilters();
    } catch (error) {
      this.reportError('catalogueFilters', error);
    }
  }

  private async loadSimilar(reader: KitosCoordinationReader): Promise<void> {
    const request = ++this.request;
    this.phase = 'loading';
    try {
      const similar = await reader.similarLandscapes({ organizationUuid: this.org, limit: this.clamp(this.limit, 5) });
      if (request !== this.request) return;
      this.similar = similar;
      this.phase = 'ready';
    } catch (error) {
      if (request !== this.request) return;
      this.phase = 'error';
      this.reportError('similarLandscapes', error);
    }
  }

  private async loadSuggestions(reader: KitosCoordinationReader): Promise<void> {
    const request = ++this.suggestionRequest;
    this.suggestionPhase = 'loading';
    try {
      const found = await reader.landscapeSuggestions({
        organizationUuid: this.org,
        kleUuid: this.kleUuid,
        neighbours: this.clamp(this.neighbours, 10),
        limit: this.clamp(this.suggestionLimit, 10),
      });
      if (request !== this.suggestionRequest) return;
      this.suggestions = found;
      this.suggestionPhase = 'ready';
    } catch (error) {
      if (request !== this.suggestionRequest) return;
      this.suggestionPhase = 'error';
      this.reportError('landscapeSuggestions', error);
    }
  }

  private percent(score: number): string {
    return this.ct.percent(formatCount(Math.round(score * 100), this.language));
  }

  private renderSimilar(): TemplateResult {
    const { ct } = this;
    if (this.phase === 'ready' && this.similar.length === 0) return html`<p part="message">${ct.noSimilar}</p>`;
    return html`<ol part="similar" class="plain">
      ${this.similar.map(
        (s) => html`<li part="organization">
          <div class="head">
            <strong>${s.organization.name}</strong>
            <span class="bar" part="bar">
              <span class="bar-track" aria-hidden="true"
                ><span class="bar-fill" style="width: ${barWidth(s.score, 1)}"></span
              ></span>
              <span class="bar-text">${ct.similarity} ${this.percent(s.score)}</span>
            </span>
          </div>
          <p part="explanation">${s.explanation[this.language]}</p>
        </li>`,
      )}
    </ol>`;
  }

  private renderSuggestions(): TemplateResult {
    const { ct, t } = this;
    const kle = this.filters?.kle ?? [];
    return html`<div part="toolbar">
        <label
          >${ct.kleTask}
          <select
            part="kle-select"
            @change=${(e: Event) => {
              this.kleUuid = (e.target as HTMLSelectElement).value;
            }}
          >
            <option value="" ?selected=${!this.kleUuid}>–</option>
            ${kle.map(
              (k) =>
                html`<option value=${k.uuid} ?selected=${k.uuid === this.kleUuid}>
                  ${'\u00a0\u00a0'.repeat(k.taskKey.split('.').length - 1)}${k.taskKey} ${k.description}
                </option>`,
            )}
          </select></label
        >
      </div>
      <div role="status" class="status">
        ${this.suggestionPhase === 'idle' ? html`<p part="message">${ct.pickTask}</p>` : nothing}
        ${this.suggestionPhase === 'loading' ? html`<p part="message">${t.loading}</p>` : nothing}
        ${
          this.suggestionPhase === 'ready' && this.suggestions.length === 0
            ? html`<p part="message">${ct.noSuggestions}</p>`
            : nothing
        }
      </div>
      ${this.suggestionPhase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${
        this.suggestionPhase === 'ready' && this.suggestions.length
          ? html`<ul part="suggestions" class="plain">
            ${this.suggestions.map(
              (s) => html`<li part="suggestion">
                <strong>${s.system.name}</strong>
                <p part="explanation">${s.explanation[this.language]}</p>
              </li>`,
            )}
          </ul>`
          : nothing
      }`;
  }

  override render() {
    const { ct, t } = this;
    if (!this.activeClient) return html`<p part="message">${t.noClient}</p>`;
    if (!this.reader) return html`<p part="message">${ct.notAvailable}</p>`;
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.phase === 'loading'}>
      ${heading(this.headingLevel, ct.similarTitle, 'title', 'title')}
      ${this.phase === 'loading' && this.similar.length === 0 ? html`<p part="message">${t.loading}</p>` : nothing}
      ${this.phase === 'error' ? html`<p part="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${this.renderSimilar()}
      ${heading(this.headingLevel + 1, ct.suggestionsTitle, 'section-title')} ${this.renderSuggestions()}
    </section>`;
  }
}
