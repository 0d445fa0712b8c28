/**
 * The unit filter the data quality and GDPR register views share: a unit select (the tree,
 * indented) and an "include sub-units" checkbox.
 *
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { UnitTreeNode } from '../data/client.js';
import type { QualityStrings } from '../i18n/quality-strings.js';

/** A unit of the select, with its depth in the tree. */
export interface ScopeUnit {
  readonly uuid: string;
  readonly name: string;
  readonly depth: number;
}

/** The tree as a flat list in tree order. */
export function flattenUnits(nodes: readonly UnitTreeNode[], depth = 0, out: ScopeUnit[] = []): ScopeUnit[] {
  for (const n of nodes) {
    out.push({ uuid: n.uuid, name: n.name, depth });
    flattenUnits(n.children, depth + 1, out);
  }
  return out;
}

/** The select and the checkbox; `onUnit` and `onSub` get the new values. */
export function unitScope(
  q: QualityStrings,
  units: readonly ScopeUnit[],
  state: { readonly unitUuid: string; readonly includeSubUnits: boolean },
  onUnit: (uuid: string) => void,
  onSub: (include: boolean) => void,
): TemplateResult {
  return html`<label part="unit"
      >${q.unit}
      <select part="unit-select" @change=${(e: Event) => onUnit((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!state.unitUuid}>${q.allUnits}</option>
        ${units.map(
          (u) =>
            html`<option value=${u.uuid} ?selected=${u.uuid === state.unitUuid}>
              ${'\u00a0\u00a0'.repeat(u.depth)}${u.name}
            </option>`,
        )}
      </select></label
    >
    <label part="sub-units-label"
      ><input
        type="checkbox"
        part="sub-units"
        .checked=${state.includeSubUnits}
        @change=${(e: Event) => onSub((e.target as HTMLInputElement).checked)}
      />
      ${q.includeSubUnits}</label
    >`;
}
