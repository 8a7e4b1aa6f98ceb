import {expect, fixture} from '@open-wc/testing';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import '../src/define.js';
import type {DonateButton} from '../src/donate-button.js';
import {waitFor} from '@lien/testing';

/**
 * HelloAsso through the real gateway package, on loopback, with HelloAsso faked beside it (mock-server.mjs): the
 * association's page in a frame creates the checkout, goes to the (fake) payment page, comes back through the gateway
 * and says how the payment ended. Each way out of the payment page is chosen beforehand.
 */
const {gateway, helloasso} = (await (await fetch('/mock/donate-button/start')).json()) as {gateway: string; helloasso: string};

type Way = 'pay' | 'refuse' | 'back' | 'claim';

const statusText = (root: ParentNode | null | undefined) => root?.querySelector('[part=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The page in a frame, the donate button pressed, and the frame back on the page; answers the element and the checkout's reference. */
async function donateThrough(way: Way, options: {lang?: string; wait?: number; amount?: string} = {}) {
  await fetch(`${helloasso}/next`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({next: way})});
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 480px; height: 900px';
  const query = new URLSearchParams({gateway, lang: options.lang ?? 'en', wait: String(options.wait ?? 3000)});
  frame.src = `/packages/donate-button/test/checkout-page.html?${query}`;
  document.body.append(frame);
  const element = () => frame.contentDocument?.querySelector<DonateButton>('donate-button');
  const page = await waitFor(() => element()?.shadowRoot?.querySelector<HTMLButtonElement>('button[part=donate]'), 'the page did not load');
  if (options.amount !== undefined) {
    const field = element()!.shadowRoot!.querySelector<HTMLInputElement>('input[part=custom-amount]')!;
    field.value = options.amount;
    field.dispatchEvent(new Event('input'));
    await element()!.updateComplete;
  }
  const created = new Promise<unknown>((resolve) => element()!.addEventListener('lien-donate', (event) => resolve(event.detail)));
  page.click();
  const detail = await created;
  // Away to the payment page, then back (same origin again), where the element follows the checkout.
  await waitFor(
    () => {
      try {
        return frame.contentWindow!.location.pathname.endsWith('/checkout-page.html') && /Checking|Vérification|HelloAsso|paiement|payment/.test(statusText(element()?.shadowRoot)) && !/Preparing|Préparation/.test(statusText(element()?.shadowRoot));
      } catch {
        return false; // on the payment page or the gateway: another origin
      }
    },
    'the donor did not come back',
    {timeout: 8000}
  );
  const intent = (await (await fetch(`${helloasso}/last`)).json()) as {metadata: {reference: string}};
  // The reference is taken out of the address bar once read.
  expect(new URL(frame.contentWindow!.location.href).searchParams.has('lien-checkout')).to.equal(false);
  return {frame, detail, reference: intent.metadata.reference, element: element()!};
}

describe('<donate-button provider="helloasso" gateway> against the real gateway', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  it('creates the checkout with the chosen amount, and thanks the donor once HelloAsso confirms the payment', async () => {
    const {frame, detail, element} = await donateThrough('pay');
    frames.push(frame);
    expect(detail).to.deep.equal({amount: 25, currency: 'EUR', frequency: 'once', provider: 'helloasso', url: undefined});
    const intent = (await (await fetch(`${helloasso}/last`)).json()) as Record<string, unknown>;
    expect({...intent, backUrl: undefined, errorUrl: undefined, returnUrl: undefined, metadata: undefined}).to.deep.equal({
      totalAmount: 2500,
      initialAmount: 2500,
      itemName: 'Don',
      containsDonation: true,
      backUrl: undefined,
      errorUrl: undefined,
      returnUrl: undefined,
      metadata: undefined,
    });
    expect(intent.returnUrl).to.match(new RegExp(`^${gateway}/v1/donations/helloasso/return/[0-9a-f-]{36}/return$`));
    await waitFor(() => statusText(element.shadowRoot).startsWith('Thank you'), 'no thanks', {timeout: 5000});
    expect(statusText(element.shadowRoot)).to.equal('Thank you! HelloAsso confirmed your gift of €25.');
  });

  it('says a refused payment in words, as an alert; "7,5" typed in French is a checkout of 7.50 €', async () => {
    const {frame, element, detail} = await donateThrough('refuse', {lang: 'fr', amount: '7,5'});
    frames.push(frame);
    expect((detail as {amount: number}).amount).to.equal(7.5);
    await waitFor(() => element.shadowRoot!.querySelector('[part=status][role=alert]'), 'no alert');
    expect(((await (await fetch(`${helloasso}/last`)).json()) as {totalAmount: number}).totalAmount).to.equal(750);
    await waitFor(() => element.shadowRoot!.querySelector('[part=status][role=alert]'), 'no alert');
    expect(statusText(element.shadowRoot)).to.match(/^Le paiement a été refusé/);
  });

  it('says an abandoned payment in words', async () => {
    const {frame, element} = await donateThrough('back');
    frames.push(frame);
    await waitFor(() => statusText(element.shadowRoot).includes('before paying'), `not said: ${statusText(element.shadowRoot)}`);
  });

  it('does not thank on a return that claims success without HelloAsso’s confirmation: after a bounded wait, says it is not confirmed yet and where the receipt goes', async () => {
    const {frame, element} = await donateThrough('claim', {wait: 1500});
    frames.push(frame);
    expect(statusText(element.shadowRoot)).to.equal('Checking your payment with HelloAsso…');
    await waitFor(() => statusText(element.shadowRoot).includes('not confirmed yet'), 'still waiting', {timeout: 6000});
    expect(statusText(element.shadowRoot)).to.contain('e-mail your receipt');
    expect(statusText(element.shadowRoot)).to.not.contain('Thank you');
  });
});

describe('<donate-button> back from HelloAsso, in the page', () => {
  /** The page's address as the gateway sends a donor back to it. */
  function returnedWith(id: string) {
    const url = new URL(location.href);
    url.searchParams.set('lien-checkout', id);
    history.replaceState(null, '', url);
  }
  afterEach(() => {
    const url = new URL(location.href);
    url.searchParams.delete('lien-checkout');
    history.replaceState(null, '', url);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`every outcome passes axe, in ${locale}`, async () => {
      await setLocale(locale);
      try {
        for (const way of ['pay', 'refuse', 'back', 'claim'] as const) {
          const {frame, reference} = await donateThrough(way);
          frame.remove();
          returnedWith(reference);
          const el = await fixture<DonateButton>(
            html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons" gateway=${gateway} confirmation-wait="500"></donate-button>`
          );
          await waitFor(() => !/HelloAsso…$/.test(statusText(el.shadowRoot)) && statusText(el.shadowRoot), `${way}: no outcome`, {timeout: 5000});
          await expect(el, way).to.be.accessible();
          el.remove();
        }
      } finally {
        await setLocale('en');
      }
    });
  }

  it('a gateway that cannot be asked while a payment is checked: asked again until the wait ends, then the donor is told to look for the receipt before giving again', async () => {
    returnedWith('3f1c2b7a-5d4e-4f60-9a8b-1c2d3e4f5a6b');
    const el = await fixture<DonateButton>(
      html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons" gateway="http://127.0.0.1:9/" confirmation-wait="1500"></donate-button>`
    );
    await waitFor(() => statusText(el.shadowRoot).includes('could not be checked'), `not said: ${statusText(el.shadowRoot)}`, {timeout: 8000});
    expect(statusText(el.shadowRoot)).to.contain('look for it before giving again');
    expect(el.shadowRoot!.activeElement, 'the outcome has the focus').to.equal(el.shadowRoot!.querySelector('[part=status]'));
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=fallback] a')!.href).to.equal('https://www.helloasso.com/associations/lien-de-quartier/formulaires/dons');
  });

  it('a confirmation wait that is not a number is the default one, not a tight loop', async () => {
    returnedWith('3f1c2b7a-5d4e-4f60-9a8b-1c2d3e4f5a6c');
    let asked = 0;
    const pageFetch = window.fetch;
    window.fetch = (input, init) => (String(input).includes('/donations/helloasso/checkout/') && asked++, pageFetch(input, init));
    try {
      const el = await fixture<DonateButton>(
        html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons" gateway="http://127.0.0.1:9/" confirmation-wait="20s"></donate-button>`
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(asked, 'asked at growing intervals').to.be.at.most(2);
      expect(statusText(el.shadowRoot)).to.equal('Checking your payment with HelloAsso…');
      el.remove();
    } finally {
      window.fetch = pageFetch;
    }
  });

  for (const [status, said] of [
    [429, /^Too many attempts from here just now\. Try again in 30 seconds\.$/],
    [500, /^The donation service has a problem on its side \(error 500\)/],
  ] as const) {
    it(`a gateway answering ${status} to the checkout is said in words, the visitor stays, and nothing is retried`, async () => {
      const el = await fixture<DonateButton>(
        html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons" gateway=${`/mock/donate-button/failing-gateway/${status}/`}></donate-button>`
      );
      const before = location.href;
      const calls = async () => ((await (await fetch('/mock/donate-button/failing-gateway/calls')).json()) as {calls: number}).calls;
      const callsBefore = await calls();
      const errors: Event[] = [];
      el.addEventListener('lien-error', (event) => errors.push(event));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=donate]')!.click();
      const alert = await waitFor(() => el.shadowRoot!.querySelector('.error[role=alert]:not(#amount-error)'), 'no error said');
      expect(alert.textContent!.trim()).to.match(said);
      expect(errors).to.have.length(1);
      expect(location.href).to.equal(before);
      expect(await calls()).to.equal(callsBefore + 1);
      await expect(el).to.be.accessible();
    });
  }

  it('reads the goal from the gateway: what the association\'s HelloAsso form raised, added up from its orders', async () => {
    const el = await fixture<DonateButton>(
      html`<donate-button inline provider="helloasso" organization="lien-de-quartier" form="dons" gateway=${gateway} goal-source="gateway"></donate-button>`
    );
    const words = await waitFor(() => el.shadowRoot!.querySelector('#goal-words')?.textContent, 'no goal from the gateway');
    // HelloAsso's example order is of 20 €; the goal is the gateway's LIEN_DONATION_GOAL_CENTS.
    expect(words).to.equal('€20 raised of €5,000');
    await expect(el).to.be.accessible();
  });
});

