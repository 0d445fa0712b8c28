// Example 1's script, built into examples/embed/dist/kitos-embed.js (with the sql.js wasm beside it):
// every widget, plus one rule: an element with `data-kitos-snapshot="file.sqlite"` reads that
// published snapshot, read-only, as the reader named in `file.json`.
import { createKitos } from '@os2kitos/core';
import { openSqlJsFromUrl } from '@os2kitos/storage-adapters/sqljs';
import { createInPageClient, type KitosClient } from '@os2kitos/widgets';

const clients = new Map<string, Promise<{ client: KitosClient; organizationUuid: string }>>();

function clientFor(snapshot: string) {
  let found = clients.get(snapshot);
  if (!found) {
    found = (async () => {
      const url = new URL(snapshot, document.baseURI);
      const info = (await (await fetch(new URL(url.pathname.replace(/\.sqlite$/, '.json'), url))).json()) as {
        organizationUuid: string;
        userUuid: string;
      };
      const storage = await openSqlJsFromUrl(url, { locateFile: (f) => new URL(f, import.meta.url).href });
      const kitos = await createKitos({ storage });
      return {
        client: createInPageClient(kitos, { userUuid: info.userUuid }),
        organizationUuid: info.organizationUuid,
      };
    })();
    clients.set(snapshot, found);
  }
  return found;
}

for (const el of document.querySelectorAll<HTMLElement & { client?: KitosClient }>('[data-kitos-snapshot]')) {
  clientFor(el.dataset.kitosSnapshot as string).then(({ client, organizationUuid }) => {
    if (!el.getAttribute('organization-uuid')) el.setAttribute('organization-uuid', organizationUuid);
    el.client = client;
    document.body.dataset.ready = 'true';
  });
}
