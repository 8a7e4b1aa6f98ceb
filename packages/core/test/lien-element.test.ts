import {expect, fixture, html as fixtureHtml, oneEvent} from '@open-wc/testing';
import {html} from 'lit';
import {property} from 'lit/decorators.js';
import {captureConsole} from '@lien/testing';
import {LIEN_VERSION, LienElement, LienError, LienErrorEvent, LienEvent, LienLoadEvent} from '../src/index.js';

type PingEvents = {'lien-ping': LienEvent<'lien-ping', {n: number}>};

class PingElement extends LienElement<PingEvents> {
  ping(n: number) {
    return this.emit(new LienEvent('lien-ping', {n}));
  }
  override render() {
    return html`<span>ping</span>`;
  }
}

describe('LIEN_VERSION', () => {
  it('is the version in core\'s package.json, written at build time', async () => {
    const {version} = (await (await fetch(new URL('../package.json', import.meta.url))).json()) as {version: string};
    expect(LIEN_VERSION).to.equal(version);
    expect(LienElement.lienVersion).to.equal(version);
  });
});

describe('LienElement.define', () => {
  it('registers once and tolerates the same script loaded twice, silently', () => {
    const logged = captureConsole();
    try {
      PingElement.define('test-ping');
      PingElement.define('test-ping');
      // A second copy of the same version (another bundle of the same release) is not worth a warning.
      class SameVersionCopy extends LienElement {}
      SameVersionCopy.define('test-ping');
    } finally {
      logged.restore();
    }
    expect(customElements.get('test-ping')).to.equal(PingElement);
    expect(logged.problems()).to.deep.equal([]);
  });

  it('warns, without throwing, when another version already holds the tag', () => {
    class Older extends LienElement {
      static override readonly lienVersion = '0.0.1';
    }
    Older.define('test-versioned');
    const logged = captureConsole();
    try {
      class Newer extends LienElement {}
      Newer.define('test-versioned');
    } finally {
      logged.restore();
    }
    expect(customElements.get('test-versioned')).to.equal(Older);
    expect(logged.warnings).to.have.length(1);
    expect(String(logged.warnings[0][0])).to.contain('Lien 0.0.1').and.contain('Load one copy');
    expect(logged.errors).to.deep.equal([]);
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

// Two elements that both fire `lien-load`, each with its own detail: both compile, and each listener is typed by
// its element's map (`npm test` type-checks this file: a listener reading the other element's detail does not compile).
type CounterEvents = {'lien-load': LienLoadEvent<{count: number}>; 'lien-error': LienErrorEvent};
class CounterElement extends LienElement<CounterEvents> {
  load(count: number) {
    return this.emit(new LienLoadEvent({count}));
  }
  fail() {
    return this.emit(new LienErrorEvent(new LienError('network', 'unreachable')));
  }
}
type WordEvents = {'lien-load': LienLoadEvent<{word: string; videos: string[]}>};
class WordElement extends LienElement<WordEvents> {
  load(word: string) {
    return this.emit(new LienLoadEvent({word, videos: [`${word}.webm`]}));
  }
}
CounterElement.define('test-counter');

/** Never called: it only has to compile, and it stops compiling if listeners lose their element's typing. */
function listenersAreTypedPerElement(counter: CounterElement, word: WordElement): void {
  // @ts-expect-error: a counter's lien-load has no word
  counter.addEventListener('lien-load', (event) => event.detail.word);
  // @ts-expect-error: a word's lien-load has no count
  word.addEventListener('lien-load', (event) => event.detail.count);
}
void listenersAreTypedPerElement;
WordElement.define('test-word');

describe('events typed per element', () => {
  it('two elements fire lien-load with different details, each typed in its listeners', async () => {
    const counter = await fixture<CounterElement>(fixtureHtml`<test-counter></test-counter>`);
    const word = await fixture<WordElement>(fixtureHtml`<test-word></test-word>`);
    const counts: number[] = [];
    const words: string[] = [];
    counter.addEventListener('lien-load', (event) => counts.push(event.detail.count));
    word.addEventListener('lien-load', (event) => words.push(event.detail.word, ...event.detail.videos));
    counter.load(12);
    word.load('bonjour');
    expect(counts).to.deep.equal([12]);
    expect(words).to.deep.equal(['bonjour', 'bonjour.webm']);
  });

  it('events are instances of their family, bubble and cross shadow roots', async () => {
    const counter = await fixture<CounterElement>(fixtureHtml`<test-counter></test-counter>`);
    setTimeout(() => counter.fail());
    const event = await oneEvent(document.body, 'lien-error');
    expect(event).to.be.instanceOf(LienErrorEvent);
    expect(event.detail.error.kind).to.equal('network');
    expect(event.bubbles && event.composed).to.equal(true);
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
