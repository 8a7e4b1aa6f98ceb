// The autoloader as a site gets it: the built dist/cdn/lien.js (npm test builds before testing; the test
// server serves LIEN_CDN_DIR there when set), alone in a page of its own (an iframe), with <access-map> as
// the element it has to find. What the page fetched is read from the page's resource timing entries.
import {expect, oneEvent, waitUntil} from '@open-wc/testing';

const CDN = '/dist/cdn/';
const M = '/mock/access-map';
const MAP_ATTRIBUTES = `source="geojson" src="${M}/geojson/norwich.geojson" center="52.6285,1.2925" zoom="15" tile-url="${M}/tiles/{z}/{x}/{y}.png"`;

interface Manifest {
  chunks: Record<string, {entry?: string; imports: string[]}>;
}

let manifest: Manifest;
const frames: HTMLIFrameElement[] = [];

/** A page holding `body` and, as its only script, the autoloader; resolves once it has loaded. */
async function pageWithAutoloader(body = ''): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script type="module" src="${CDN}lien.js"></script></head><body>${body}</body></html>`;
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  expect(fetched(win), 'the page loaded lien.js').to.include('lien.js');
  return win;
}

/** The files of the CDN build the page fetched, relative to the CDN folder. */
function fetched(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(CDN))
    .map((path) => path.slice(CDN.length));
}

/** The entry modules (lien.js, each element's, core.js…) the page fetched, sorted. */
function fetchedEntries(win: Window): string[] {
  return fetched(win)
    .filter((file) => manifest.chunks[file]?.entry)
    .sort();
}

/** Lets the page settle: anything the autoloader was going to fetch has been asked for by then. */
async function settle(win: Window): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((done) => win.requestAnimationFrame(done));
  await new Promise((done) => setTimeout(done, 300));
}

// Booleans, not the classes: an assertion message showing another window's class would not be readable.
const isDefined = (win: Window, tag: string) => win.customElements.get(tag) !== undefined;
const defined = (win: Window, tag: string) => waitUntil(() => isDefined(win, tag), `<${tag}> was never defined`, {timeout: 5000});

describe('the autoloader (dist/cdn/lien.js)', () => {
  before(async () => {
    const response = await fetch(`${CDN}manifest.json`, {cache: 'no-store'});
    expect(response.ok, `no CDN build at ${CDN}: run "npm run build" (or a rollup build with LIEN_CDN_DIR)`).to.equal(true);
    manifest = await response.json();
    const autoloader = manifest.chunks['lien.js'];
    expect(autoloader?.entry, 'the CDN build has lien.js').to.equal('lien');
    expect(autoloader.imports, 'lien.js imports nothing').to.deep.equal([]);
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('defines an <access-map> added after the page loaded, on a page with only lien.js', async () => {
    const win = await pageWithAutoloader('<main><h1>Our places</h1></main>');
    await settle(win);
    expect(isDefined(win, 'access-map'), '<access-map> defined before it appeared').to.equal(false);
    expect(fetched(win), 'the page has only lien.js').to.deep.equal(['lien.js']);

    const main = win.document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', `<section><access-map ${MAP_ATTRIBUTES}></access-map></section>`);
    const el = main.querySelector('access-map')!;
    const loaded = oneEvent(el, 'lien-load');
    await defined(win, 'access-map');
    // The element is the real one from the CDN build: upgraded, and it loads its places.
    expect(el instanceof win.customElements.get('access-map')!, 'upgraded').to.equal(true);
    expect(el.shadowRoot, 'rendered in its shadow root').to.not.equal(null);
    await loaded;
    expect(fetched(win)).to.include('access-map.js');
  });

  it('fetches no element module while no Lien tag is in the page', async () => {
    const win = await pageWithAutoloader('<p>Hello</p><my-widget></my-widget><div id="later"></div>');
    win.document.getElementById('later')!.innerHTML = '<p>Added later</p><other-widget></other-widget>';
    await settle(win);
    expect(fetched(win), 'what the page fetched from the CDN').to.deep.equal(['lien.js']);
    expect(isDefined(win, 'access-map'), '<access-map> defined').to.equal(false);
  });

  it('fetches only the module of the tag present: no other element, no core.js', async () => {
    const win = await pageWithAutoloader(`<access-map ${MAP_ATTRIBUTES}></access-map>`);
    await defined(win, 'access-map');
    await settle(win);
    expect(fetchedEntries(win)).to.deep.equal(['access-map.js', 'lien.js']);
    // A second one is served by the module already there.
    win.document.body.insertAdjacentHTML('beforeend', `<access-map ${MAP_ATTRIBUTES}></access-map>`);
    await settle(win);
    expect(fetched(win).filter((file) => file === 'access-map.js'), 'access-map.js fetched').to.have.length(1);
    expect(fetchedEntries(win)).to.deep.equal(['access-map.js', 'lien.js']);
  });

  it('finds a tag put later into the open shadow root of a host added after load', async () => {
    const win = await pageWithAutoloader();
    const host = win.document.createElement('div');
    host.attachShadow({mode: 'open'});
    win.document.body.append(host);
    await settle(win);
    expect(fetched(win)).to.deep.equal(['lien.js']);

    host.shadowRoot!.innerHTML = `<article><access-map ${MAP_ATTRIBUTES}></access-map></article>`;
    await defined(win, 'access-map');
    expect(host.shadowRoot!.querySelector('access-map')!.shadowRoot, 'upgraded inside the shadow root').to.not.equal(null);
  });

  it('finds a tag in the shadow root of a host added with it already inside', async () => {
    const win = await pageWithAutoloader();
    await settle(win);
    const host = win.document.createElement('div');
    host.attachShadow({mode: 'open'}).innerHTML = `<access-map ${MAP_ATTRIBUTES}></access-map>`;
    win.document.body.append(host);
    await defined(win, 'access-map');
  });
});
