import {expect} from '@open-wc/testing';
import {colucheCeiling, taxReduction} from '../src/index.js';

describe('French tax reduction for gifts (CGI art. 200)', () => {
  it('66 %: a gift of 100 € costs 34 €', () => {
    expect(taxReduction(100, 66, '2026-03-01')).to.deep.equal({reduction: 66, cost: 34});
    expect(taxReduction(7.5, 66, '2026-03-01')).to.deep.equal({reduction: 4.95, cost: 2.55});
  });

  it('75 % up to the yearly ceiling (2,000 € for gifts from 14 October 2025), 66 % above it', () => {
    expect(colucheCeiling('2025-10-13')).to.equal(1000);
    expect(colucheCeiling('2025-10-14')).to.equal(2000);
    expect(taxReduction(100, 75, '2026-03-01')).to.deep.equal({reduction: 75, cost: 25});
    expect(taxReduction(2000, 75, '2026-03-01')).to.deep.equal({reduction: 1500, cost: 500});
    // 2,000 € at 75 % and 1,000 € at 66 %.
    expect(taxReduction(3000, 75, '2026-03-01')).to.deep.equal({reduction: 2160, cost: 840});
    // The same gift before the change: 1,000 € at 75 %, 2,000 € at 66 %.
    expect(taxReduction(3000, 75, '2025-06-01')).to.deep.equal({reduction: 2070, cost: 930});
  });

  it('0 %: nothing back; not an amount: a RangeError', () => {
    expect(taxReduction(50, 0)).to.deep.equal({reduction: 0, cost: 50});
    expect(() => taxReduction(-5, 66)).to.throw(RangeError);
    expect(() => taxReduction(Number.NaN, 66)).to.throw(RangeError);
  });
});
