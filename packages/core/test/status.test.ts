import {expect, fixture} from '@open-wc/testing';
import {html, render} from 'lit';
import {describeError, LienError, renderStatus, setLocale} from '../src/index.js';

async function mount(template: unknown) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(template, host);
  return host;
}

describe('renderStatus', () => {
  afterEach(() => setLocale('en'));

  it('shows an error as an alert with a working retry button, and passes axe', async () => {
    let retried = 0;
    const host = await mount(
      renderStatus({state: 'error', error: new LienError('http', 'x', {status: 503}), onRetry: () => retried++})
    );
    expect(host.querySelector('[role=alert]')!.textContent).to.contain('error 503');
    host.querySelector('button')!.click();
    expect(retried).to.equal(1);
    await expect(host).to.be.accessible();
  });

  it('adds a note after the error sentence', async () => {
    const host = await mount(
      renderStatus({state: 'error', error: new LienError('timeout', 'x'), note: 'What was loaded is still shown.'})
    );
    expect(host.querySelector('[role=alert] p')!.textContent).to.equal(
      'The data service took too long to answer. What was loaded is still shown.'
    );
  });

  it('offers no retry for data that will stay wrong', async () => {
    const host = await mount(
      renderStatus({state: 'error', error: new LienError('parse', 'x', {field: 'results[0].geom'}), onRetry: () => {}})
    );
    expect(host.textContent).to.contain('results[0].geom');
    expect(host.querySelector('button')).to.equal(null);
  });

  it('announces loading and empty states politely', async () => {
    const host = await mount(renderStatus({state: 'empty', emptyText: 'Nothing here'}));
    const region = host.querySelector('[role=status]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.textContent).to.equal('Nothing here');
  });

  it('says every error kind in French too', async () => {
    await setLocale('fr');
    expect(describeError(new LienError('rate-limited', 'x', {retryAfter: 30}))).to.equal(
      'Le service de données est saturé. Réessayez dans 30 secondes.'
    );
    expect(describeError(new LienError('offline', 'x'))).to.contain('hors ligne');
    expect(describeError(new TypeError('Failed to fetch'))).to.contain('injoignable');
  });
});
