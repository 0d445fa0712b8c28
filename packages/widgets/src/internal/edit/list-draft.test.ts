// The list fields' model: amounts in da-DK, rows to the core's shape and back, the cells the form
// cannot read reported at their path, and issues on rows and cells shown where they belong.
import { expect } from '@open-wc/testing';
import { formatAmount, listSpec, parseAmount } from './list-draft.js';
import { fieldKeyIn, type FieldSpec, patchOfDraft } from './record-draft.js';

const streams = listSpec(
  [
    { key: 'acquisition', kind: 'amount' },
    { key: 'auditDate', kind: 'date' },
    { key: 'note', kind: 'text' },
  ],
  { id: 'uuid' },
);
const plan = listSpec(
  [
    { key: 'quarter', kind: 'choice', values: ['1', '2', '3', '4'], required: true },
    { key: 'year', kind: 'number', required: true },
  ],
  { single: true },
);
const subs = listSpec([
  { key: 'organizationUuid', kind: 'organization', required: true },
  { key: 'transferToInsecureCountry', kind: 'enum', enumName: 'YesNoUndecided' },
  { key: 'insecureCountryUuid', kind: 'option', options: 'countries', gate: 'transferToInsecureCountry' },
]);
const FIELDS: FieldSpec[] = [
  { key: 'payments.external', kind: 'list', group: 'economy', list: streams },
  { key: 'procurement.procurementPlan', kind: 'list', group: 'economy', list: plan },
  { key: 'general.subDataProcessors', kind: 'list', group: 'processors', list: subs },
];

describe('list fields', () => {
  it('reads and writes amounts as Danish whole kroner', () => {
    expect(formatAmount(1250000)).to.equal('1.250.000');
    expect(formatAmount(-5000)).to.equal('-5.000');
    expect(formatAmount(0)).to.equal('0');
    expect(parseAmount('1.250.000')).to.equal(1250000);
    expect(parseAmount(' 120000 ')).to.equal(120000);
    expect(parseAmount('120.000,00')).to.equal(120000);
    expect(parseAmount('−5.000')).to.equal(-5000);
    for (const bad of ['12,50', '1.25', '12.5000', 'tolv', '', '1e6'])
      expect(parseAmount(bad), bad).to.equal(undefined);
  });

  it('turns stored rows into the draft and back, unchanged', () => {
    const stored = [{ uuid: 'a', acquisition: 120000, auditDate: '2025-03-01', note: null }];
    const rows = streams.draftOf(stored);
    expect(streams.parse(rows[0] as string)).to.deep.equal({
      uuid: 'a',
      acquisition: '120.000',
      auditDate: '01-03-2025',
      note: '',
    });
    expect(streams.valueOf('payments.external', rows)).to.deep.equal({ value: stored, issues: [] });
    expect(plan.draftOf(null)).to.deep.equal([]);
    expect(plan.valueOf('procurement.procurementPlan', plan.draftOf({ quarter: 2, year: 2027 })).value).to.deep.equal({
      quarter: 2,
      year: 2027,
    });
    expect(plan.valueOf('procurement.procurementPlan', []).value).to.equal(null);
  });

  it('gives a new row a fresh id and the columns their initial text', () => {
    const a = streams.newRow();
    const b = streams.newRow();
    expect(a.uuid).to.match(/^[0-9a-f-]{36}$/);
    expect(a.uuid).to.not.equal(b.uuid);
    expect(a.acquisition).to.equal('');
    expect(streams.valueOf('payments.external', [streams.format(a)]).value).to.deep.equal([
      { uuid: a.uuid, acquisition: 0, auditDate: null, note: null },
    ]);
  });

  it('reports the cells it cannot read at their path, and clears a cell behind its row gate', () => {
    const rows = [streams.format({ uuid: 'a', acquisition: '12,5', auditDate: '31-02-2025', note: 'x' })];
    const { issues } = streams.valueOf('payments.external', rows);
    expect(issues.map((i) => [i.path.join('.'), i.code])).to.deep.equal([
      ['payments.external.0.acquisition', 'not-a-number'],
      ['payments.external.0.auditDate', 'invalid-date'],
    ]);
    const planIssues = plan.valueOf('procurement.procurementPlan', [plan.format({ quarter: '', year: '2027' })]).issues;
    expect(planIssues.map((i) => [i.path.join('.'), i.code])).to.deep.equal([
      ['procurement.procurementPlan.quarter', 'required'],
    ]);
    const closed = subs.format({ organizationUuid: 'o', transferToInsecureCountry: 'No', insecureCountryUuid: 'c' });
    expect(subs.valueOf('general.subDataProcessors', [closed]).value).to.deep.equal([
      { organizationUuid: 'o', transferToInsecureCountry: 'No', insecureCountryUuid: null },
    ]);
  });

  it('shows an issue at the cell, the row or the list it names', () => {
    const at = (...path: (string | number)[]) => fieldKeyIn(FIELDS, { path, code: 'custom', message: '' });
    expect(at('payments', 'external', 1, 'acquisition')).to.equal('payments.external.1.acquisition');
    expect(at('payments', 'external', 1)).to.equal('payments.external.1');
    expect(at('payments', 'external')).to.equal('payments.external');
    // A single object has one row, row 0.
    expect(at('procurement', 'procurementPlan', 'year')).to.equal('procurement.procurementPlan.0.year');
    expect(at('general', 'notes')).to.equal('');
  });

  it('puts a changed list whole into the patch, and leaves an unchanged one out', () => {
    const base = {
      'payments.external': streams.draftOf([]),
      'procurement.procurementPlan': [],
      'general.subDataProcessors': [],
    };
    expect(patchOfDraft(FIELDS, base, base).patch).to.deep.equal({});
    const draft = { ...base, 'procurement.procurementPlan': [plan.format({ quarter: '4', year: '2026' })] };
    expect(patchOfDraft(FIELDS, base, draft)).to.deep.equal({
      patch: { procurement: { procurementPlan: { quarter: 4, year: 2026 } } },
      issues: [],
    });
  });
});
