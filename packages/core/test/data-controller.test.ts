import {expect, fixture, html as fixtureHtml, oneEvent, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {DataController, fetchJson, keyedCache, LienElement, LienError, LienErrorEvent} from '../src/index.js';

/** A load that answers when the test says so, and tells whether it was cancelled. */
class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  aborted = false;
  readonly promise = new Promise<T>((resolve, reject) => Object.assign(this, {resolve, reject}));
}

type Events = {'lien-error': LienErrorEvent};

/** An element that loads a word's entry from whatever `loads` holds for it. */
class EntryElement extends LienElement<Events> {
  static override properties = {word: {}};
  declare word: string;
  readonly loads = new Map<string, Deferred<string>>();
  readonly values: string[] = [];
  readonly data = new DataController<readonly [string], string>(this, {
    args: () => [this.word] as const,
    load: ([word], signal) => {
      if (!word) return Promise.resolve(undefined);
      const deferred = new Deferred<string>();
      signal.addEventListener('abort', () => (deferred.aborted = true));
      this.loads.set(word, deferred);
      return deferred.promise;
    },
    cache: keyedCache<readonly [string], string>(([word]) => word),
    onValue: (value) => this.values.push(value),
  });
  override render() {
    return html`<div part="status">${this.data.renderStatus({readyText: `Entry: ${this.data.value}`, loadingText: 'Loading the entry…'})}</div>`;
  }
}
EntryElement.define('test-entry');

/** An element that fetches `url` (the core mock upstream) through `fetchJson`. */
class FetchingElement extends LienElement<Events> {
  static override properties = {url: {}};
  declare url: string;
  readonly data = new DataController(this, {
    args: () => [this.url] as const,
    load: ([url], signal) => (url ? fetchJson<{attempts: number}>(url, {signal, retries: 0}) : Promise.resolve(undefined)),
  });
  override render() {
    return html`<div part="status">${this.data.renderStatus({readyText: `Attempts: ${this.data.value?.attempts}`})}</div>`;
  }
}
FetchingElement.define('test-fetching');

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const key = () => `dc${Math.random().toString(36).slice(2)}`;

describe('DataController', () => {
  it('loads for its inputs: loading, then the value, and nothing to load is idle', async () => {
    const el = await fixture<EntryElement>(fixtureHtml`<test-entry></test-entry>`);
    expect(el.data.value).to.equal(undefined);
    expect(el.data.loading).to.equal(false);
    el.word = 'bonjour';
    await el.updateComplete;
    expect(el.data.loading).to.equal(true);
    expect(text(el)).to.equal('Loading the entry…');
    el.loads.get('bonjour')!.resolve('BONJOUR');
    await waitUntil(() => !el.data.loading);
    await el.updateComplete;
    expect(el.data.value).to.equal('BONJOUR');
    expect(text(el)).to.equal('Entry: BONJOUR');
  });

  it('a change of inputs cancels the load under way, whose late answer is never shown', async () => {
    const el = await fixture<EntryElement>(fixtureHtml`<test-entry word="un"></test-entry>`);
    const first = el.loads.get('un')!;
    el.word = 'deux';
    await el.updateComplete;
    expect(first.aborted).to.equal(true);
    first.resolve('UN');
    el.loads.get('deux')!.resolve('DEUX');
    await waitUntil(() => !el.data.loading);
    expect(el.values).to.deep.equal(['DEUX']);
    expect(el.data.value).to.equal('DEUX');
  });

  it('serves inputs seen before from its cache, without loading them again; reset forgets both', async () => {
    const el = await fixture<EntryElement>(fixtureHtml`<test-entry word="un"></test-entry>`);
    el.loads.get('un')!.resolve('UN');
    await waitUntil(() => el.data.value === 'UN');
    el.word = 'deux';
    await el.updateComplete;
    el.loads.get('deux')!.resolve('DEUX');
    await waitUntil(() => el.data.value === 'DEUX');
    const loadsOfUn = el.loads.get('un');
    el.word = 'un';
    await waitUntil(() => el.data.value === 'UN');
    expect(el.loads.get('un')).to.equal(loadsOfUn, 'loaded again instead of read from the cache');
    el.data.reset();
    expect(el.data.value).to.equal(undefined);
    el.word = 'deux';
    await el.updateComplete;
    expect(el.data.loading, 'reset kept the cache').to.equal(true);
  });

  it('a failure fires lien-error with a LienError, shows it in words with a retry, and the retry loads again', async () => {
    const id = key();
    const el = await fixture<FetchingElement>(fixtureHtml`<test-fetching></test-fetching>`);
    el.url = `/mock/core/flaky?key=${id}&fail=1&status=503`;
    const event = await oneEvent(el, 'lien-error');
    expect(event).to.be.instanceOf(LienErrorEvent);
    expect(event.detail.error).to.be.instanceOf(LienError);
    expect(event.detail.error.status).to.equal(503);
    await el.updateComplete;
    expect(el.data.error?.kind).to.equal('http');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('503');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => el.data.value !== undefined, 'the retry did not load');
    await el.updateComplete;
    expect(el.data.error).to.equal(undefined);
    expect(text(el)).to.equal('Attempts: 2');
  });

  it('a cancel is not a failure: no lien-error, no error shown', async () => {
    const el = await fixture<EntryElement>(fixtureHtml`<test-entry word="un"></test-entry>`);
    const errors: unknown[] = [];
    el.addEventListener('lien-error', (event) => errors.push(event.detail.error));
    await el.updateComplete;
    // The load under way ends in an abort (a stale one would be ignored by the task whatever it ended in).
    el.loads.get('un')!.reject(new DOMException('Aborted', 'AbortError'));
    await el.data.settled;
    await el.updateComplete;
    expect(el.data.loading).to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(el.data.error).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('button.retry'), 'an abort offered a retry').to.equal(null);
  });
});
