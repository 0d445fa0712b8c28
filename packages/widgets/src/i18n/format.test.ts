import { expect } from '@open-wc/testing';
import { formatAmount, formatDate } from './format.js';
import { da, en } from './strings.js';

describe('Danish formats', () => {
  it('writes dates as dd-MM-yyyy and leaves bad input visible', () => {
    expect(formatDate('2025-12-31')).to.equal('31-12-2025');
    expect(formatDate('2025-1-5')).to.equal('2025-1-5');
    expect(formatDate(null)).to.equal('');
  });
  it('writes amounts with Danish grouping and kr.', () => {
    expect(formatAmount(1234567)).to.equal('1.234.567 kr.');
    expect(formatAmount(0)).to.equal('0 kr.');
  });
  it('has the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(da).sort());
  });
});
