import {expect} from '@open-wc/testing';
import {donationTarget, formatAmount, isRefusal, type DonationTarget} from '../src/index.js';

const once = (amount: number) => ({amount, frequency: 'once' as const});
const monthly = (amount: number) => ({amount, frequency: 'monthly' as const});

/** The URL of a target that must not be a refusal. */
function url(target: DonationTarget): string {
  if (isRefusal(target)) throw new Error(`refused: ${target.problem} (${target.setting})`);
  return target.url;
}

describe('Payment providers: the URL a visitor is handed to', () => {
  it('writes amounts with a dot, cents only when there are some', () => {
    expect(formatAmount(25)).to.equal('25');
    expect(formatAmount(7.5)).to.equal('7.50');
    expect(formatAmount(0.1 + 0.2)).to.equal('0.30');
    expect(formatAmount(0)).to.equal(undefined);
    expect(formatAmount(-5)).to.equal(undefined);
    expect(formatAmount(Number.NaN)).to.equal(undefined);
  });

  describe('HelloAsso (public donation form)', () => {
    const settings = {organization: 'les-amis-du-parc', form: '1'};

    it('hands over the form, with no amount in the URL (none can be prefilled)', () => {
      expect(donationTarget('helloasso', settings, once(25))).to.deep.equal({
        url: 'https://www.helloasso.com/associations/les-amis-du-parc/formulaires/1',
        leftToChoose: ['amount'],
      });
      expect(donationTarget('helloasso', settings, monthly(7.5))).to.deep.equal({
        url: 'https://www.helloasso.com/associations/les-amis-du-parc/formulaires/1',
        leftToChoose: ['amount', 'frequency'],
      });
    });

    it('refuses missing and ill-shaped slugs, and other currencies than the euro', () => {
      expect(donationTarget('helloasso', {form: '1'}, once(25))).to.deep.equal({problem: 'missing-setting', setting: 'organization'});
      expect(donationTarget('helloasso', {organization: 'asso', form: '  '}, once(25))).to.deep.equal({problem: 'missing-setting', setting: 'form'});
      expect(donationTarget('helloasso', {...settings, organization: '../evil'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'organization'});
      expect(donationTarget('helloasso', {...settings, organization: 'evil.example/x'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'organization'});
      expect(donationTarget('helloasso', {...settings, form: '1?amount=1000'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'form'});
      expect(donationTarget('helloasso', {...settings, form: '%2e%2e'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'form'});
      expect(donationTarget('helloasso', {...settings, currency: 'USD'}, once(25))).to.deep.equal({problem: 'bad-currency', setting: 'currency'});
    });
  });

  describe('Stripe Payment Link (customer-chosen price)', () => {
    const href = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

    it('hands over the link itself: Stripe documents no parameter for the amount', () => {
      expect(donationTarget('stripe', {href}, once(25))).to.deep.equal({url: href, leftToChoose: ['amount']});
      // Whatever follows the link's id is dropped: an amount the visitor did not choose never goes through.
      expect(url(donationTarget('stripe', {href: `${href}?__prefilled_amount=100000#x`}, once(25)))).to.equal(href);
    });

    it('refuses a monthly gift: a customer-chosen price cannot recur', () => {
      expect(donationTarget('stripe', {href}, monthly(10))).to.deep.equal({problem: 'no-monthly', setting: 'frequency'});
    });

    it('refuses links that are not https://buy.stripe.com/<id>', () => {
      const bad = {problem: 'bad-setting', setting: 'href'};
      expect(donationTarget('stripe', {}, once(25))).to.deep.equal({problem: 'missing-setting', setting: 'href'});
      for (const hostile of [
        'javascript:alert(document.cookie)',
        'https://evil.example/test_eVa5nPg1j1wmfXq5kr',
        'http://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr',
        'https://buy.stripe.com.evil.example/test_eVa5nPg1j1wmfXq5kr',
        'https://buy.stripe.com@evil.example/test_eVa5nPg1j1wmfXq5kr',
        'https://user:pass@buy.stripe.com/test_eVa5nPg1j1wmfXq5kr',
        'https://buy.stripe.com:8443/test_eVa5nPg1j1wmfXq5kr',
        'https://buy.stripe.com/../../evil',
        'https://buy.stripe.com/a/b',
        '//buy.stripe.com/test_eVa5nPg1j1wmfXq5kr',
        'buy.stripe.com/test_eVa5nPg1j1wmfXq5kr',
      ]) {
        expect(donationTarget('stripe', {href: hostile}, once(25)), hostile).to.deep.equal(bad);
      }
    });
  });

  describe('PayPal Donate', () => {
    it('prefills the amount and the currency (EUR by default) for a hosted button or an account', () => {
      expect(donationTarget('paypal', {'hosted-button-id': 'ZP9Q7QUNS3QYY'}, once(25))).to.deep.equal({
        url: 'https://www.paypal.com/donate/?hosted_button_id=ZP9Q7QUNS3QYY&amount=25&currency_code=EUR',
        leftToChoose: [],
      });
      expect(url(donationTarget('paypal', {business: 'dons@amis-du-parc.fr'}, once(7.5)))).to.equal(
        'https://www.paypal.com/donate/?business=dons%40amis-du-parc.fr&amount=7.50&currency_code=EUR'
      );
      expect(url(donationTarget('paypal', {business: 'ABCDEFGH12345', currency: 'chf'}, once(12.34)))).to.equal(
        'https://www.paypal.com/donate/?business=ABCDEFGH12345&amount=12.34&currency_code=CHF'
      );
    });

    it('monthly: offers the recurring option (no_recurring=0), which the visitor ticks at PayPal', () => {
      expect(donationTarget('paypal', {'hosted-button-id': 'ZP9Q7QUNS3QYY'}, monthly(10))).to.deep.equal({
        url: 'https://www.paypal.com/donate/?hosted_button_id=ZP9Q7QUNS3QYY&amount=10&currency_code=EUR&no_recurring=0',
        leftToChoose: ['frequency'],
      });
    });

    it('refuses missing, conflicting and ill-shaped settings; encodes what it keeps', () => {
      expect(donationTarget('paypal', {}, once(25))).to.deep.equal({problem: 'missing-setting', setting: 'hosted-button-id'});
      expect(donationTarget('paypal', {'hosted-button-id': 'ZP9Q7QUNS3QYY', business: 'a@b.org'}, once(25))).to.deep.equal({
        problem: 'conflicting-settings',
        setting: 'business',
      });
      expect(donationTarget('paypal', {'hosted-button-id': 'ZP9Q7&amount=1000'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'hosted-button-id'});
      expect(donationTarget('paypal', {business: 'x@y.org&amount=1000'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'business'});
      expect(donationTarget('paypal', {business: 'not an address'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'business'});
      expect(donationTarget('paypal', {business: 'x@evil.example/path'}, once(25))).to.deep.equal({problem: 'bad-setting', setting: 'business'});
      // A local part may hold & and =: they are encoded, so they cannot add a parameter.
      expect(url(donationTarget('paypal', {business: 'a&amount=9@b.org'}, once(5)))).to.equal(
        'https://www.paypal.com/donate/?business=a%26amount%3D9%40b.org&amount=5&currency_code=EUR'
      );
      expect(donationTarget('paypal', {business: 'a@b.org', currency: 'E&R'}, once(5))).to.deep.equal({problem: 'bad-currency', setting: 'currency'});
    });
  });

  describe('Liberapay', () => {
    it('prefills currency, period and amount of a monthly gift', () => {
      expect(donationTarget('liberapay', {account: 'Framasoft'}, monthly(7.5))).to.deep.equal({
        url: 'https://liberapay.com/Framasoft/donate?currency=EUR&period=monthly&amount=7.50',
        leftToChoose: [],
      });
      expect(url(donationTarget('liberapay', {account: 'les_amis.du-parc', currency: 'USD'}, monthly(25)))).to.equal(
        'https://liberapay.com/les_amis.du-parc/donate?currency=USD&period=monthly&amount=25'
      );
    });

    it('refuses a gift given once: Liberapay donations recur', () => {
      expect(donationTarget('liberapay', {account: 'Framasoft'}, once(25))).to.deep.equal({problem: 'no-once', setting: 'frequency'});
    });

    it('refuses names Liberapay does not allow', () => {
      expect(donationTarget('liberapay', {}, monthly(5))).to.deep.equal({problem: 'missing-setting', setting: 'account'});
      for (const hostile of ['../evil', 'evil.example/x', '.hidden', '12345', 'page.html', 'a'.repeat(33), 'x?amount=1000', 'x#y', 'é']) {
        expect(donationTarget('liberapay', {account: hostile}, monthly(5)), hostile).to.deep.equal({problem: 'bad-setting', setting: 'account'});
      }
    });
  });

  describe('Open Collective', () => {
    it('prefills amount and interval (oneTime, month)', () => {
      expect(donationTarget('opencollective', {collective: 'webpack'}, once(25))).to.deep.equal({
        url: 'https://opencollective.com/webpack/donate?amount=25&interval=oneTime',
        leftToChoose: [],
      });
      expect(donationTarget('opencollective', {collective: 'les-amis-du-parc'}, monthly(7.5))).to.deep.equal({
        url: 'https://opencollective.com/les-amis-du-parc/donate?amount=7.50&interval=month',
        leftToChoose: [],
      });
    });

    it('refuses missing and ill-shaped slugs', () => {
      expect(donationTarget('opencollective', {collective: ''}, once(5))).to.deep.equal({problem: 'missing-setting', setting: 'collective'});
      for (const hostile of ['../evil', 'evil.example', 'a/b', '-x', 'x?amount=1000', '@evil.example']) {
        expect(donationTarget('opencollective', {collective: hostile}, once(5)), hostile).to.deep.equal({problem: 'bad-setting', setting: 'collective'});
      }
    });
  });

  it('never writes an amount that is not one: refuses it whatever the provider', () => {
    for (const amount of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.001, 1e12]) {
      expect(donationTarget('paypal', {business: 'a@b.org'}, once(amount)), String(amount)).to.deep.equal({problem: 'bad-amount', setting: 'amount'});
    }
    expect(donationTarget('nope' as never, {}, once(5))).to.deep.equal({problem: 'bad-setting', setting: 'provider'});
    expect(donationTarget('toString' as never, {}, once(5))).to.deep.equal({problem: 'bad-setting', setting: 'provider'});
  });

  it('keeps every URL on its provider, whatever the settings', () => {
    // Hostile values, and values of the right shape with something around them: each provider gets them in its own
    // setting only, so that its rule, not a conflict between settings, decides.
    const values = [
      '../evil', 'https://evil.example/', 'javascript:alert(1)', '//evil.example', '%2F%2Fevil.example', 'a b', '\u0000',
      'lien-de-quartier', 'ZP9Q7QUNS3QYY', 'dons@lien-de-quartier.example', 'https://buy.stripe.com/test_8wMbKQ3aB1cD',
      'https://buy.stripe.com/test_8wMbKQ3aB1cD?next=https://evil.example', 'https://evil.example@buy.stripe.com/test_8wMbKQ3aB1cD',
      'https://buy.stripe.com.evil.example/test_8wMbKQ3aB1cD',
    ];
    const providers: Record<string, [host: string, settings: (value: string) => Record<string, string>]> = {
      helloasso: ['www.helloasso.com', (value) => ({organization: value, form: value})],
      stripe: ['buy.stripe.com', (value) => ({href: value})],
      'paypal button': ['www.paypal.com', (value) => ({'hosted-button-id': value})],
      'paypal business': ['www.paypal.com', (value) => ({business: value})],
      liberapay: ['liberapay.com', (value) => ({account: value})],
      opencollective: ['opencollective.com', (value) => ({collective: value})],
    };
    for (const [name, [host, settings]] of Object.entries(providers)) {
      let accepted = 0;
      for (const value of values) {
        for (const choice of [once(5), monthly(5)]) {
          const target = donationTarget(name.split(' ')[0] as never, settings(value), choice);
          if (isRefusal(target)) continue;
          accepted++;
          expect(new URL(target.url).host, `${name} ${value}`).to.equal(host);
          expect(target.url, `${name} ${value}`).to.not.contain('evil');
        }
      }
      expect(accepted, `${name}: no value of the right shape was accepted`).to.be.greaterThan(0);
    }
  });
});
