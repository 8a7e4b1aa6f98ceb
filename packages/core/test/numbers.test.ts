import {expect} from '@open-wc/testing';
import {describeError, formatMoney, LienError, parseLocaleNumber, setLocale} from '../src/index.js';

describe('parseLocaleNumber', () => {
  const cases: Array<[string, string, number]> = [
    ['fr', '7,5', 7.5],
    ['fr', '7,50', 7.5],
    ['fr', '1 000,50', 1000.5],
    ['fr', '1\u202f000,50', 1000.5],
    ['fr', '1\u00a0000', 1000],
    ['fr', '7.5', 7.5],
    ['fr', ' 20 ', 20],
    ['en', '7.5', 7.5],
    ['en', '1,000.50', 1000.5],
    ['en', '1000', 1000],
    ['en-GB', '12.25', 12.25],
  ];
  for (const [locale, input, expected] of cases) {
    it(`reads "${input}" in ${locale} as ${expected}`, () => {
      expect(parseLocaleNumber(input, locale)).to.equal(expected);
    });
  }

  const garbage: Array<[string, string]> = [
    ['fr', 'abc'],
    ['fr', ''],
    ['fr', '7,5,3'],
    ['fr', '1.000,50'],
    ['en', '7,5'],
    ['en', '1,00.5'],
    ['en', '12abc'],
    ['en', '--3'],
  ];
  for (const [locale, input] of garbage) {
    it(`rejects "${input}" in ${locale} with a validation error, never NaN`, () => {
      let error: unknown;
      try {
        parseLocaleNumber(input, locale);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(LienError);
      expect((error as LienError).kind).to.equal('validation');
    });
  }
});

describe('formatMoney', () => {
  it('writes euros as each locale does', () => {
    expect(formatMoney(34, 'EUR', 'fr').replace(/\s/g, ' ')).to.equal('34 €');
    expect(formatMoney(7.5, 'EUR', 'fr').replace(/\s/g, ' ')).to.equal('7,50 €');
    expect(formatMoney(34, 'EUR', 'en')).to.equal('€34');
  });
});

describe('a number that cannot be read', () => {
  afterEach(() => setLocale('en'));

  it('is explained in the page language', async () => {
    await setLocale('fr');
    let error: unknown;
    try {
      parseLocaleNumber('douze', 'fr');
    } catch (e) {
      error = e;
    }
    expect(describeError(error)).to.equal('«\u00a0douze\u00a0» n’est pas un nombre.');
  });
});
