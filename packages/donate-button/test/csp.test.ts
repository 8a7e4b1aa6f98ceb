import {expect} from '@open-wc/testing';
import {waitFor} from '@lien/testing';
import {readQr} from './qr.js';

/**
 * The CDN build, as a site loads it, in a page whose policy is `default-src 'self'`: no inline script or style, no
 * other origin. Its styles (adopted style sheets), its QR code part, its dialog and its goal all work, and the
 * browser reports no violation.
 */
describe('<donate-button> under a strict Content-Security-Policy', () => {
  it('works with default-src \'self\' and no unsafe-inline', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 480px; height: 1200px';
    frame.src = '/packages/donate-button/test/csp-page.html';
    document.body.append(frame);
    try {
      const page = () => frame.contentWindow as (Window & {violations?: string[]}) | null;
      const doc = () => frame.contentDocument!;
      const transfer = await waitFor(() => doc().querySelector('#transfer')?.shadowRoot?.querySelector<HTMLButtonElement>('button[part=donate]'), 'the element did not render', {timeout: 8000});
      // The theme's primary colour reached the button: the styles were adopted despite the policy.
      expect(getComputedStyle(transfer).backgroundColor).to.equal('rgb(31, 95, 153)');
      transfer.click();
      const qr = await waitFor(() => doc().querySelector('#transfer')!.shadowRoot!.querySelector<SVGSVGElement>('svg[part=qr]'), 'no QR code under the policy', {timeout: 8000});
      // The built (minified) drawing reads back to the transfer.
      expect(await readQr(qr)).to.equal('BCD\n002\n1\nSCT\n\nLien de Quartier\nFR1420041010050500013M02606\nEUR25\nCHAR');

      const dialogElement = doc().querySelector('#dialog')!;
      dialogElement.shadowRoot!.querySelector<HTMLButtonElement>('button[part=button]')!.click();
      const dialog = dialogElement.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      await waitFor(() => dialogElement.shadowRoot!.querySelector('progress'), 'no goal under the policy');
      expect(page()!.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
