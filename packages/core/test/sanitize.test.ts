import {expect} from '@open-wc/testing';
import {htmlToText, sanitizeHtml} from '../src/sanitize.js';

describe('sanitizeHtml', () => {
  it('keeps formatting and drops scripts, handlers and dangerous links', () => {
    const fragment = sanitizeHtml(
      '<p onclick="alert(1)">Hello <strong>you</strong><script>alert(2)</script>' +
        '<img src=x onerror=alert(3)><a href="javascript:alert(4)">bad</a><a href="https://example.org">good</a></p>'
    );
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.querySelector('script, img, [onclick]')).to.equal(null);
    expect(div.querySelector('strong')!.textContent).to.equal('you');
    const links = [...div.querySelectorAll('a')];
    expect(links[0].hasAttribute('href')).to.equal(false);
    expect(links[1].getAttribute('href')).to.equal('https://example.org');
    expect(links[1].getAttribute('rel')).to.contain('noopener');
  });

  it('gives the plain text of an HTML field', () => {
    expect(htmlToText('<p>Aide  <b>aux</b>\n devoirs</p><script>x()</script>')).to.equal('Aide aux devoirs');
  });
});
