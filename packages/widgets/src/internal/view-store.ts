import { type OverviewView, parseView } from '../data/view.js';

/** The localStorage key of one user's saved views of one overview in one organisation. */
export function savedViewsKey(userUuid: string | undefined, organizationUuid: string, kind: string): string {
  return `kitos:views:${userUuid ?? 'anonymous'}:${organizationUuid || 'any'}:${kind}`;
}

/** Named views stored under `key`; anything unreadable or invalid in storage is left out. */
export function loadSavedViews(key: string): OverviewView[] {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch {
    // Storage can be switched off (privacy settings, sandboxed frames): then there are no saved views.
    return [];
  }
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Corrupt JSON written by something else: ignore it rather than break the grid.
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(parseView).filter((v): v is OverviewView => v !== null && !!v.name);
}

/** Stores named views; `false` when storage is unavailable (the views then live until reload). */
export function storeSavedViews(key: string, views: readonly OverviewView[]): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(views));
    return true;
  } catch {
    // Quota exceeded or storage switched off: the caller keeps the views in memory.
    return false;
  }
}

/** A parameter of the URL fragment (`#view=…&other=…`). */
export function readHashParam(param: string): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(param);
}

/**
 * Sets (or with `null` removes) one parameter of the URL fragment with `history.replaceState`, so
 * changing a filter neither scrolls the page nor fills the history. Other parameters are kept.
 */
export function writeHashParam(param: string, value: string | null): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (value === null) params.delete(param);
  else params.set(param, value);
  const hash = params.toString();
  const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  history.replaceState(history.state, '', url);
}

/** The link of the current page with one fragment parameter set: for "link to this view". */
export function hashLink(param: string, value: string): string {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  params.set(param, value);
  return `#${params.toString()}`;
}
