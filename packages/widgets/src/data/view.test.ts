import { expect } from '@open-wc/testing';
import { decodeView, encodeView, type OverviewView } from './view.js';

const view: OverviewView = {
  name: 'Udløber i år',
  columns: ['systemName', 'validTo'],
  filters: [
    { column: 'validTo', op: 'onOrBefore', date: '2025-12-31' },
    { column: 'responsibleUnit', op: 'unit', unitUuid: 'u1', includeSubUnits: true },
    { column: 'operation', op: 'between', min: 1000, max: null },
    { column: 'lifeCycleStatus', op: 'in', values: ['NotInUse'] },
  ],
  sort: [{ column: 'validTo', direction: 'desc' }],
  search: 'æøå "sag"',
};

describe('view encoding', () => {
  it('round-trips a view through URL-safe base64 JSON, æøå included', () => {
    const encoded = encodeView(view);
    expect(encoded).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeView(encoded)).to.deep.equal(view);
  });

  it('rejects anything that is not a valid view', () => {
    const b64 = (value: unknown) => encodeView(value as OverviewView);
    expect(decodeView('')).to.equal(null);
    expect(decodeView('not base64!')).to.equal(null);
    expect(decodeView(btoa('{"columns":'))).to.equal(null);
    expect(decodeView(b64({ columns: [1], filters: [], sort: [], search: '' }))).to.equal(null);
    expect(decodeView(b64({ ...view, filters: [{ column: 'x', op: 'drop table' }] }))).to.equal(null);
    expect(decodeView(b64({ ...view, filters: [{ column: 'x', op: 'onOrAfter', date: '31-12-2025' }] }))).to.equal(
      null,
    );
    expect(decodeView(b64({ ...view, sort: [{ column: 'x', direction: 'sideways' }] }))).to.equal(null);
  });
});
