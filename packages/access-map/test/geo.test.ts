import {expect} from '@open-wc/testing';
import {parseCenter} from '../src/geo.js';

describe('parseCenter', () => {
  it('reads "lat,lon" and refuses anything else, empty parts included', () => {
    expect(parseCenter('48.8566, 2.3522')).to.deep.equal([48.8566, 2.3522]);
    expect(parseCenter('48.8,')).to.equal(undefined);
    expect(parseCenter(',')).to.equal(undefined);
    expect(parseCenter('95,2')).to.equal(undefined);
    expect(parseCenter('Paris')).to.equal(undefined);
    expect(parseCenter(null)).to.equal(undefined);
  });
});
