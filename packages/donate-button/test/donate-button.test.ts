import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import '../src/define.js';
import type {DonateButton, DonateDetail} from '../src/donate-button.js';
import {waitFor} from '@lien/testing';
import {readQr} from './qr.js';

const $ = <T extends Element = HTMLElement>(el: DonateButton, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: DonateButton, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Submits the panel and returns what `lien-donate` said; the event is cancelled, so the page stays. */
async function donate(el: DonateButton): Promise<DonateDetail | undefined> {
  let detail: DonateDetail | undefined;
  const keep = (event: Event) => {
    event.preventDefault();
    detail = (event as CustomEvent<DonateDetail>).detail;
  };
  el.addEventListener('lien-donate', keep);
  $<HTMLButtonElement>(el, 'button[part=donate]')!.click();
  await el.updateComplete;
  el.removeEventListener('lien-donate', keep);
  return detail;
}

async function typeAmount(el: DonateButton, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, 'input[part=custom-amount]')!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const paypal = () => fixture<DonateButton>(html`<donate-button inline provider="paypal" business="dons@asso.example" amounts="10 25 50"></donate-button>`);

for (const locale of ['en', 'fr'] as const) {
  describe(`<donate-button> in ${locale}`, () => {
    beforeEach(() => setLocale(locale));
    after(() => setLocale('en'));

    it('offers the presets as a radio group, the second chosen, and passes axe', async () => {
      const el = await paypal();
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=amount]')];
      expect(radios).to.have.length(4);
      expect(radios[1]!.checked).to.equal(true);
      expect(text(el, 'legend')).to.equal(locale === 'fr' ? 'Montant' : 'Amount');
      await expect(el).to.be.accessible();
    });

    it('reads an amount typed in the page\'s language, and refuses what is not one, in words', async () => {
      const el = await paypal();
      const cases: [string, number | RegExp][] =
        locale === 'fr'
          ? [['7,5', 7.5], ['1 000', 1000], ['-5', /Indiquez un montant de 1 € à 100 000 €/], ['abc', /n’est pas un nombre|n'est pas un nombre/], ['1e9', /nombre/]]
          : [['7.5', 7.5], ['1,000', 1000], ['7,5', /is not a number/], ['-5', /Give an amount from €1 to €100,000/], ['abc', /is not a number/]];
      for (const [typed, expected] of cases) {
        await typeAmount(el, typed);
        const detail = await donate(el);
        if (typeof expected === 'number') {
          expect(detail?.amount, typed).to.equal(expected);
          expect(text(el, '#amount-error'), typed).to.equal('');
        } else {
          expect(detail, `${typed}: no amount the visitor did not choose is sent`).to.equal(undefined);
          expect(text(el, '#amount-error'), typed).to.match(expected);
          expect($(el, 'input[part=custom-amount]')!.getAttribute('aria-invalid')).to.equal('true');
          await expect(el).to.be.accessible();
        }
      }
    });

    it('says what a gift costs after the tax reduction: 66 %, 75 %, none', async () => {
      const el = await paypal();
      $<HTMLInputElement>(el, 'input[name=amount]')!.click(); // 10
      await typeAmount(el, '100');
      expect(text(el, '[part=tax-note]')).to.equal(
        locale === 'fr' ? 'Votre don de 100 € ne vous coûte que 34 € après réduction d’impôt.' : 'Your gift of €100 costs you €34 after the tax reduction.'
      );
      el.taxRate = 75;
      await el.updateComplete;
      expect(text(el, '[part=tax-note]')).to.contain(locale === 'fr' ? '25 €' : '€25');
      el.taxRate = 0;
      await el.updateComplete;
      expect(text(el, '[part=tax-note]')).to.equal('');
    });

    it("says what the visitor enters again on the provider's page, next to the button", async () => {
      const el = await fixture<DonateButton>(html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons-2026"></donate-button>`);
      await typeAmount(el, '40');
      expect(text(el, '[part=next-step]')).to.equal(
        locale === 'fr'
          ? 'Sur www.helloasso.com, saisissez à nouveau 40 € : le montant ne peut pas lui être transmis.'
          : 'On www.helloasso.com, enter €40 again: the amount cannot be passed on to it.'
      );
      expect($(el, 'button[part=donate]')!.getAttribute('aria-describedby')).to.equal('next-step');
      await expect(el).to.be.accessible();
      // Liberapay takes the amount and the frequency from the link: nothing to enter again.
      el.provider = 'liberapay';
      el.account = 'LienDeQuartier';
      await el.updateComplete;
      expect($(el, '[part=next-step]')).to.equal(null);
      expect($(el, 'button[part=donate]')!.hasAttribute('aria-describedby')).to.equal(false);
      // Settings set from a script count as attributes do.
      expect((await donate(el))?.url).to.match(/^https:\/\/liberapay\.com\/LienDeQuartier\/donate\?currency=EUR&period=monthly&amount=40/);
    });
  });
}

describe('<donate-button> hands over to the provider', () => {
  it('PayPal, Open Collective and Liberapay with the amount and frequency chosen, exactly', async () => {
    const pp = await paypal();
    expect((await donate(pp))?.url).to.equal('https://www.paypal.com/donate/?business=dons%40asso.example&amount=25&currency_code=EUR');
    const oc = await fixture<DonateButton>(html`<donate-button inline provider="opencollective" collective="lien-de-quartier"></donate-button>`);
    [...oc.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=frequency]')][1]!.click();
    await oc.updateComplete;
    const monthly = await donate(oc);
    expect(monthly).to.deep.equal({
      amount: 25,
      currency: 'EUR',
      frequency: 'monthly',
      provider: 'opencollective',
      url: 'https://opencollective.com/lien-de-quartier/donate?amount=25&interval=month',
    });
    const lp = await fixture<DonateButton>(html`<donate-button inline provider="liberapay" account="LienDeQuartier"></donate-button>`);
    // Liberapay takes recurring gifts only: no frequency choice, and the panel says why.
    expect($(lp, 'input[name=frequency]')).to.equal(null);
    expect(text(lp, '.note')).to.contain('every month');
    expect((await donate(lp))?.url).to.equal('https://liberapay.com/LienDeQuartier/donate?currency=EUR&period=monthly&amount=25');
  });

  it('a missing setting or an unknown provider is said in words, fires lien-error, and sends nothing', async () => {
    const el = await fixture<DonateButton>(html`<donate-button inline provider="stripe"></donate-button>`);
    const errors: unknown[] = [];
    el.addEventListener('lien-error', (event) => errors.push(event.detail.error));
    expect(await donate(el)).to.equal(undefined);
    expect(text(el, '.error[role=alert]:not(#amount-error)')).to.contain('href');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    el.provider = 'venmo';
    await el.updateComplete;
    expect(await donate(el)).to.equal(undefined);
    expect(text(el, '.error[role=alert]:not(#amount-error)')).to.contain('venmo');
  });

  it('a keyboard alone chooses an amount and donates', async () => {
    const el = await paypal();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({press: 'Tab'});
    // The checked radio takes the focus; the arrows move within the group.
    await sendKeys({press: 'ArrowRight'});
    await el.updateComplete;
    let detail: DonateDetail | undefined;
    el.addEventListener('lien-donate', (event) => {
      event.preventDefault();
      detail = event.detail;
    });
    // A radio group is one stop: then the custom amount's field, the frequency group, and the button.
    for (let i = 0; i < 3; i++) await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('donate');
    await sendKeys({press: 'Enter'});
    expect(detail?.amount).to.equal(50);
  });
});

describe('<donate-button inline provider="sepa">', () => {
  it('draws the transfer as a QR code that a reader decodes to the EPC payload, byte for byte, and shows the IBAN to copy', async () => {
    const el = await fixture<DonateButton>(
      html`<donate-button inline provider="sepa" iban="FR14 2004 1010 0505 0001 3M02 606" beneficiary="Lien de Quartier" reference="Don 2026"></donate-button>`
    );
    let detail: DonateDetail | undefined;
    el.addEventListener('lien-donate', (event) => (detail = event.detail));
    $<HTMLButtonElement>(el, 'button[part=donate]')!.click();
    const svg = await waitFor(() => $<SVGSVGElement>(el, 'svg[part=qr]'), 'no QR code drawn');
    expect(detail).to.deep.equal({amount: 25, currency: 'EUR', frequency: 'once', provider: 'sepa'});
    expect(svg.getAttribute('role')).to.equal('img');
    const expected = 'BCD\n002\n1\nSCT\n\nLien de Quartier\nFR1420041010050500013M02606\nEUR25\nCHAR\n\nDon 2026';
    expect(await readQr(svg)).to.equal(expected);
    expect(text(el, '.iban')).to.equal('FR14 2004 1010 0505 0001 3M02 606');
    await expect(el).to.be.accessible();
  });

  it('a wrong IBAN is said in words, and no QR code is drawn', async () => {
    const el = await fixture<DonateButton>(html`<donate-button inline provider="sepa" iban="FR14 2004 1010 0505 0001 3M02 607" beneficiary="Lien de Quartier"></donate-button>`);
    $<HTMLButtonElement>(el, 'button[part=donate]')!.click();
    await waitFor(() => text(el, '.error[role=alert]:not(#amount-error)').includes('iban'), 'the wrong IBAN is not said');
    // Not the QR code alone, which comes later: nothing of the transfer is shown.
    expect($(el, '[part=transfer]')).to.equal(null);
  });
});

describe('<donate-button goal raised>', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows the goal in words and as a bar that says the same, in ${locale}`, async () => {
      await setLocale(locale);
      try {
        const el = await fixture<DonateButton>(html`<donate-button inline provider="opencollective" collective="lien" goal="5000" raised="1250"></donate-button>`);
        expect(text(el, '#goal-words')).to.equal(locale === 'fr' ? '1 250 € collectés sur 5 000 €' : '€1,250 raised of €5,000');
        const bar = $<HTMLProgressElement>(el, 'progress')!;
        expect([bar.value, bar.max]).to.deep.equal([1250, 5000]);
        expect(bar.getAttribute('aria-labelledby')).to.equal('goal-words');
        await expect(el).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });
  }
});

describe('<donate-button> as a button that opens a dialog', () => {
  it('opens a modal dialog by keyboard, with a title and a named close button; Escape gives the focus back; axe passes', async () => {
    const el = await fixture<DonateButton>(html`<div><h1>Our association</h1><donate-button provider="paypal" business="dons@asso.example"></donate-button></div>`).then((d) => d.querySelector('donate-button')!);
    const opener = $<HTMLButtonElement>(el, 'button[part=button]')!;
    expect(opener.getAttribute('aria-haspopup')).to.equal('dialog');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(false);
    opener.focus();
    await sendKeys({press: 'Enter'});
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(el, '#dialog-title')).to.equal('Make a donation');
    expect($(el, '#dialog-title')!.tagName).to.equal('H2');
    expect(text(el, 'button.close')).to.equal('Close');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(opener);
  });
});
