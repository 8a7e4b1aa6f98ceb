import {expect, fixture, html as fixtureHtml} from '@open-wc/testing';
import {html} from 'lit';
import {msg} from '@lit/localize';
import {waitFor} from '@lien/testing';
import {currentLocale, LienElement, matchLocale, renderStatus, setLocale} from '../src/index.js';

class StatusProbe extends LienElement {
  override render() {
    return html`${renderStatus({state: 'loading'})}<span>${msg('Try again')}</span>`;
  }
}
StatusProbe.define('test-status-probe');

describe('localization', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await waitFor(() => currentLocale() === 'en', 'the locale never went back to English', {timeout: 2000});
  });

  it('matches BCP 47 tags to the supported locales', () => {
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(matchLocale('FR')).to.equal('fr');
    expect(matchLocale('de')).to.equal('en');
    expect(matchLocale('')).to.equal('en');
  });

  it('re-renders elements already in the page when <html lang> changes', async () => {
    const el = await fixture<StatusProbe>(fixtureHtml`<test-status-probe></test-status-probe>`);
    const text = () => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text()).to.equal('Loading…Try again');
    document.documentElement.lang = 'fr-FR';
    await waitFor(() => text() === 'Chargement…Réessayer', 'the element never spoke French', {timeout: 2000});
    expect(currentLocale()).to.equal('fr');
  });

  it('switches every element with setLocale() as well', async () => {
    const a = await fixture<StatusProbe>(fixtureHtml`<test-status-probe></test-status-probe>`);
    const b = await fixture<StatusProbe>(fixtureHtml`<test-status-probe></test-status-probe>`);
    await setLocale('fr');
    await a.updateComplete;
    await b.updateComplete;
    expect(a.shadowRoot!.textContent).to.contain('Réessayer');
    expect(b.shadowRoot!.textContent).to.contain('Réessayer');
    await setLocale('en');
  });
});
