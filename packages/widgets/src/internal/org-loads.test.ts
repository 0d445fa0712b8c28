// OrgLoads, the loading the organisation-wide list widgets share: when it loads, when it loads the
// units, which live changes reload and that it stops listening when the element leaves the page.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { KitosChange, KitosClient } from '../data/client.js';
import { OrgLoads } from './org-loads.js';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

/** A client that only subscribes: the test pushes changes through `push`. */
function liveClient() {
  const listeners = new Map<string, (change: KitosChange) => void>();
  const client = {
    subscribe(org: string, listener: (change: KitosChange) => void) {
      listeners.set(org, listener);
      return () => listeners.delete(org);
    },
  } as unknown as KitosClient;
  const push = (org: string, kind: string) =>
    listeners.get(org)?.({
      changed: [
        { kind, uuid: '33333333-3333-4333-8333-333333333333', organizationUuid: org, version: 2, lastChanged: '' },
      ],
      deleted: [],
    } as unknown as KitosChange);
  return { client, listeners, push };
}

class OrgLoadsHost extends LitElement {
  static override properties = { org: {}, filter: {}, client: { attribute: false } };
  declare org: string;
  declare filter: string;
  declare client: KitosClient | undefined;
  loads: { quiet: boolean; filter: string }[] = [];
  unitLoads: string[] = [];
  ready = false;

  constructor() {
    super();
    this.org = '';
    this.filter = '';
    this.client = undefined;
    this.addController(
      new OrgLoads(this, {
        client: () => this.client,
        org: () => this.org,
        query: () => ({ org: this.org, filter: this.filter }),
        load: async (_client, quiet) => {
          this.loads.push({ quiet, filter: this.filter });
        },
        loadUnits: async () => {
          this.unitLoads.push(this.org);
        },
        ready: () => this.ready,
        liveKinds: new Set(['itContract']),
      }),
    );
  }
}
customElements.define('test-org-loads-host', OrgLoadsHost);

describe('OrgLoads', () => {
  it('loads once per client, organisation and query, and the units once per organisation', async () => {
    const { client } = liveClient();
    const el = await fixture<OrgLoadsHost>(html`<test-org-loads-host></test-org-loads-host>`);
    expect(el.loads, 'nothing without a client and an organisation').to.deep.equal([]);
    el.client = client;
    el.org = ORG_A;
    await el.updateComplete;
    expect(el.loads).to.deep.equal([{ quiet: false, filter: '' }]);
    expect(el.unitLoads).to.deep.equal([ORG_A]);

    el.requestUpdate();
    await el.updateComplete;
    expect(el.loads.length, 'an update that changes nothing loads nothing').to.equal(1);

    el.filter = 'x';
    await el.updateComplete;
    expect(el.loads).to.deep.equal([
      { quiet: false, filter: '' },
      { quiet: false, filter: 'x' },
    ]);
    expect(el.unitLoads, 'the units stay while the organisation does').to.deep.equal([ORG_A]);

    el.org = ORG_B;
    await el.updateComplete;
    expect(el.unitLoads).to.deep.equal([ORG_A, ORG_B]);
    el.client = liveClient().client;
    await el.updateComplete;
    expect(el.unitLoads.length, 'another client loads the units again').to.equal(3);
    expect(el.loads.length).to.equal(4);
  });

  it('reloads quietly on a change of a watched kind once records are shown, and stops listening when removed', async () => {
    const live = liveClient();
    const el = await fixture<OrgLoadsHost>(
      html`<test-org-loads-host .client=${live.client} org=${ORG_A}></test-org-loads-host>`,
    );
    expect(el.loads.length).to.equal(1);
    live.push(ORG_A, 'itContract');
    await el.updateComplete;
    expect(el.loads.length, 'not before records are shown').to.equal(1);

    el.ready = true;
    live.push(ORG_A, 'itSystemUsage');
    await Promise.resolve();
    expect(el.loads.length, 'a kind not watched does not reload').to.equal(1);
    live.push(ORG_A, 'itContract');
    await Promise.resolve();
    expect(el.loads.at(-1)).to.deep.equal({ quiet: true, filter: '' });

    el.remove();
    expect(live.listeners.size, 'the subscription ends with the element').to.equal(0);
  });
});
