import { expect } from '@open-wc/testing';
import { ORG, TODAY, testClient } from '../testing/fixtures/data.js';
import { KitosWidgetError } from './errors.js';

describe('createStaticClient', () => {
  it('answers overview queries with core semantics, sub-units included', async () => {
    const client = testClient();
    const all = await client.overview('usages', { organizationUuid: ORG, limit: 5 });
    expect(all.total).to.equal(40);
    expect(all.rows).to.have.length(5);
    expect(all.today).to.equal(TODAY);
    const born = await client.overview('usages', {
      organizationUuid: ORG,
      filters: [{ column: 'responsibleUnit', op: 'unit', unitUuid: 'unit-born', includeSubUnits: true }],
    });
    expect(born.total).to.equal(20);
  });

  it('derives deadlines from the contract cards and filters them by period and unit', async () => {
    const client = testClient();
    const items = await client.contractDeadlines({ organizationUuid: ORG, today: '2025-06-10', to: '2025-09-30' });
    expect(items.map((i) => [i.kind, i.date, i.daysLeft])).to.deep.equal([
      ['tender-start', '2025-01-01', -160],
      ['notice', '2025-06-20', 10],
      ['extension-decision', '2025-09-30', 112],
    ]);
    const skoler = await client.contractDeadlines({ organizationUuid: ORG, responsibleUnitUuid: 'unit-skoler' });
    expect(skoler.map((i) => i.contractName)).to.deep.equal(['Skoleintra']);
  });

  it('builds the unit tree and rejects unknown cards with a coded error', async () => {
    const client = testClient();
    const [root] = await client.unitTree(ORG);
    expect(root!.children.map((c) => c.name)).to.deep.equal([
      'Borgerservice',
      'Børn og Unge',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(root!.children[1]!.children[0]!.name).to.equal('Skoler');
    const error = await client.usageCard('nope').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(KitosWidgetError);
    expect((error as KitosWidgetError).code).to.equal('not-found');
    expect((error as Error).message).to.match(/^\[kitos\] \[widgets\]/);
  });
});
