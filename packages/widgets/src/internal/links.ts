/**
 * Fills a link template such as `/usages/{uuid}` with a uuid, URL-encoded so a hostile value can
 * never change the link's scheme or path. An empty template gives `undefined` (no link).
 */
export function fillLinkTemplate(template: string | null | undefined, uuid: string): string | undefined {
  if (!template) return undefined;
  return template.split('{uuid}').join(encodeURIComponent(uuid));
}

/** True for a plain left click without modifier keys (the others open new tabs and windows). */
export function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
}
