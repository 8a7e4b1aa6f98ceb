import {expect, fixture, html as fixtureHtml, oneEvent} from '@open-wc/testing';
import {html} from 'lit';
import {property} from 'lit/decorators.js';
import {LienElement} from '../src/index.js';

declare global {
  interface HTMLElementEventMap {
    'lien-ping': CustomEvent<{n: number}>;
  }
}

class PingElement extends LienElement {
  ping(n: number) {
    return this.emit('lien-ping', {n});
  }
  override render() {
    return html`<span>ping</span>`;
  }
}

describe('LienElement.define', () => {
  it('registers once and tolerates the same script loaded twice, silently', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      PingElement.define('test-ping');
      PingElement.define('test-ping');
      // A second copy of the same version (another bundle of the same release) is not worth a warning.
      class SameVersionCopy extends LienElement {}
      SameVersionCopy.define('test-ping');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('test-ping')).to.equal(PingElement);
    expect(warnings).to.have.length(0);
  });

  it('warns, without throwing, when another version already holds the tag', () => {
    class Older extends LienElement {
      static override readonly lienVersion = '0.0.1';
    }
    Older.define('test-versioned');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class Newer extends LienElement {}
      Newer.define('test-versioned');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('test-versioned')).to.equal(Older);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('Lien 0.0.1').and.contain('Load one copy');
  });
});

describe('LienElement.emit', () => {
  it('fires a typed CustomEvent that bubbles out of shadow roots', async () => {
    PingElement.define('test-ping');
    const outer = await fixture<HTMLDivElement>(fixtureHtml`<div><test-ping></test-ping></div>`);
    const ping = outer.querySelector('test-ping') as PingElement;
    setTimeout(() => ping.ping(3));
    const event = await oneEvent(outer, 'lien-ping');
    expect(event.detail).to.deep.equal({n: 3});
    expect(event.composed).to.equal(true);
  });
});

describe('decorators in elements', () => {
  // Elements may use Lit's decorators: the test server must compile them as the builds do.
  class Greeting extends LienElement {
    @property() name = 'world';
    override render() {
      return html`<p>Hello ${this.name}</p>`;
    }
  }
  Greeting.define('test-greeting');

  it('reflects an attribute into a decorated property', async () => {
    const el = await fixture<Greeting>(fixtureHtml`<test-greeting name="Lien"></test-greeting>`);
    expect(el.name).to.equal('Lien');
    expect(el.shadowRoot!.textContent).to.contain('Hello Lien');
  });
});
