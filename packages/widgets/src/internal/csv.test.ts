import { expect } from '@open-wc/testing';
import { csvCell, csvDocument } from './csv.js';

describe('CSV for Danish Excel', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvCell('ESDH')).to.equal('ESDH');
    expect(csvCell('a;b')).to.equal('"a;b"');
    expect(csvCell('Sag "A"')).to.equal('"Sag ""A"""');
    expect(csvCell('linje 1\nlinje 2')).to.equal('"linje 1\nlinje 2"');
  });

  it('defuses formulas in text but not negative numbers', () => {
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('-12,5', 'number')).to.equal('-12,5');
  });

  it('writes a BOM, semicolons and CRLF line ends', () => {
    expect(csvDocument(['Navn', 'Dato'], [['ESDH', '31-12-2025']])).to.equal('\uFEFFNavn;Dato\r\nESDH;31-12-2025\r\n');
  });
});
