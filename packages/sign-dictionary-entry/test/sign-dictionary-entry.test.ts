import {expect, fixture} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import type {SignEntry} from '@lien/open-data/signs.js';
import {waitFor} from '@lien/testing';
import '../src/define.js';
import type {SignDictionaryEntry} from '../src/sign-dictionary-entry.js';
import type {SignDataSource} from '../src/sources.js';
import {wikidataSource} from '../src/sources/wikidata.js';
import {makeSignVideo} from './video.js';

/** The real gateway on loopback with its sample data: real Lingua Libre records, credited (mock-server.mjs). */
const {gateway} = (await (await fetch('/mock/sign-dictionary-entry/start')).json()) as {gateway: string};
/** Two small real videos, made here, to play, slow down and step through. */
const [first, second] = await Promise.all([makeSignVideo(), makeSignVideo(30)]);
const videoUrls = [URL.createObjectURL(first), URL.createObjectURL(second)];

const $ = <T extends Element = HTMLElement>(el: SignDictionaryEntry, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: SignDictionaryEntry, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: SignDictionaryEntry, label: string) => $$<HTMLButtonElement>(el, '[part=controls] button').find((b) => text(b) === label)!;

/** An entry in Lien's model, as any source gives it, with the videos made above. */
const bonjour: SignEntry = {
  word: 'bonjour',
  lang: 'fsl',
  senses: [{definition: 'Formule de salutation.', source: 'Lien sample (CC0)'}],
  videos: [
    {
      url: videoUrls[0]!,
      signer: 'Taliba31',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0',
      attribution: 'Taliba31, CC BY-SA 4.0, via Wikimedia Commons',
      source: 'Lingua Libre',
      pageUrl: 'https://commons.wikimedia.org/wiki/File:LL-Q33302_(fsl)-Taliba31-bonjour.webm',
    },
    {url: videoUrls[1]!, signer: 'Hugo en résidence', variant: 'bonjour (matin)', licence: 'CC0', source: 'Lingua Libre'},
  ],
};
const given = (entry: SignEntry | undefined, withoutLicence = 0): SignDataSource => ({load: async () => ({entry, withoutLicence})});

async function player(options: {autoplay?: boolean; speed?: string} = {}) {
  const el = await fixture<SignDictionaryEntry>(
    html`<sign-dictionary-entry word="bonjour" .dataSource=${given(bonjour)} ?autoplay=${options.autoplay} speed=${options.speed ?? '1'}></sign-dictionary-entry>`
  );
  const video = await waitFor(() => $<HTMLVideoElement>(el, 'video[part=video]'), 'no video');
  await waitFor(() => video.readyState >= 1, 'the video did not load');
  return {el, video};
}

describe('<sign-dictionary-entry> player', () => {
  it('plays at the speed chosen, from 1× down to 0.25×, a speed attribute taken to the nearest', async () => {
    const {el, video} = await player({speed: '0.3'});
    expect(video.playbackRate).to.equal(0.25);
    expect(button(el, '0.25×').getAttribute('aria-pressed')).to.equal('true');
    button(el, '0.75×').click();
    await el.updateComplete;
    expect(video.playbackRate).to.equal(0.75);
    expect($$(el, '[part=controls] [aria-pressed=true]').map(text)).to.deep.equal(['0.75×']);
    expect(video.muted, 'no sound is assumed').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('replays slower from the start, loops, and mirrors only when asked, as a learning aid', async () => {
    const {el, video} = await player();
    expect(video.classList.contains('mirrored')).to.equal(false);
    video.currentTime = 1;
    button(el, 'Replay slower').click();
    await waitFor(() => !video.paused, 'not playing again');
    await el.updateComplete;
    expect(video.playbackRate).to.equal(0.75);
    expect(video.currentTime).to.be.below(1);
    button(el, 'Loop').click();
    await el.updateComplete;
    expect(video.loop).to.equal(true);
    const mirror = button(el, 'Mirror');
    mirror.click();
    await el.updateComplete;
    expect(getComputedStyle(video).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(mirror.getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, `#${mirror.getAttribute('aria-describedby')}`))).to.contain('learning aid');
    video.pause();
  });

  it('steps one frame (1/25 s) at a time when paused, and not while playing', async () => {
    const {el, video} = await player();
    expect(button(el, 'Next frame').getAttribute('aria-disabled')).to.equal('false');
    button(el, 'Next frame').click();
    button(el, 'Next frame').click();
    expect(video.currentTime).to.be.closeTo(0.08, 0.001);
    button(el, 'Previous frame').click();
    expect(video.currentTime).to.be.closeTo(0.04, 0.001);
    video.loop = true;
    video.play().catch(() => undefined);
    // The buttons follow the video's own play event.
    await waitFor(() => button(el, 'Next frame').getAttribute('aria-disabled') === 'true', 'the step stays offered while playing');
    // While it plays, a step does nothing: the time only goes on.
    const at = video.currentTime;
    button(el, 'Previous frame').click();
    expect(video.currentTime).to.be.at.least(at);
    video.pause();
  });

  it('answers the keyboard on the video: Space plays and pauses, the arrows step, L loops, M mirrors', async () => {
    const {el, video} = await player();
    $(el, '.stage')!.focus();
    await sendKeys({press: 'Space'});
    await waitFor(() => !video.paused, 'Space did not play');
    await sendKeys({press: 'Enter'});
    await waitFor(() => video.paused, 'Enter did not pause');
    video.currentTime = 0;
    await sendKeys({press: 'ArrowRight'});
    expect(video.currentTime).to.be.closeTo(0.04, 0.001);
    await sendKeys({press: 'ArrowLeft'});
    expect(video.currentTime).to.be.closeTo(0, 0.001);
    await sendKeys({press: 'l'});
    await sendKeys({press: 'm'});
    await el.updateComplete;
    expect([video.loop, video.classList.contains('mirrored')]).to.deep.equal([true, true]);
    expect(text($(el, '#keys'))).to.contain('Space or Enter plays or pauses');
  });

  it('never plays on its own under prefers-reduced-motion', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    try {
      const {video} = await player({autoplay: true});
      expect(video.autoplay).to.equal(false);
      expect(video.paused).to.equal(true);
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
    }
    const {video} = await player({autoplay: true});
    expect(video.autoplay).to.equal(true);
    video.pause();
  });

  it('offers the word\'s other videos, and credits each as its licence asks', async () => {
    const {el, video} = await player();
    expect(text($(el, '[part=credits]'))).to.equal('Signed by Taliba31 · CC BY-SA 4.0 · Taliba31, CC BY-SA 4.0, via Wikimedia Commons · Lingua Libre');
    expect($<HTMLAnchorElement>(el, '[part=credits] a[rel~=license]')!.href).to.equal('https://creativecommons.org/licenses/by-sa/4.0');
    const choices = $$<HTMLInputElement>(el, '[part=variants] input[type=radio]');
    expect(choices.map((c) => text(c.closest('label')))).to.deep.equal(['Taliba31', 'bonjour (matin) (Hugo en résidence)']);
    choices[1]!.click();
    await el.updateComplete;
    expect($<HTMLVideoElement>(el, 'video')!.src).to.equal(videoUrls[1]);
    expect(text($(el, '[part=credits]'))).to.equal('Signed by Hugo en résidence · CC0 · Lingua Libre');
    expect(text($(el, '[part=senses] li'))).to.equal('Formule de salutation. (Lien sample (CC0))');
    expect(video.src, 'the same player, on the other video').to.equal(videoUrls[1]);
    await expect(el).to.be.accessible();
  });
});

describe('<sign-dictionary-entry> sources and states', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows a word from the gateway (real Lingua Libre records), and says so when a word has no sign yet, in ${locale}`, async () => {
      await setLocale(locale);
      try {
        const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="Acheter" src=${gateway}></sign-dictionary-entry>`);
        await waitFor(() => $(el, 'video'), 'no video of "acheter"');
        expect($$(el, '[part=variants] input').length).to.equal(3);
        expect(text($(el, '[part=senses] li'))).to.contain('Obtenir quelque chose en payant.');
        await expect(el).to.be.accessible();

        el.word = 'inconnu';
        await waitFor(() => text($(el, '.missing')), 'an unknown word is not said');
        expect(text($(el, '.missing'))).to.equal(
          locale === 'fr' ? 'Aucun signe n’est encore enregistré pour ce mot en langue des signes française (LSF).' : 'No sign recorded yet for this word in French Sign Language (LSF).'
        );
        expect($<HTMLAnchorElement>(el, '.links a')!.href).to.equal('https://lingualibre.org/wiki/Special:RecordWizard');
        await expect(el).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });
  }

  it('does not show a video whose licence cannot be read, and says why', async () => {
    const entries = {entries: [{word: 'merci', lang: 'fsl', videos: [{url: 'https://upload.wikimedia.org/merci.webm', signer: 'X', source: 'Lingua Libre'}]}]};
    const src = URL.createObjectURL(new Blob([JSON.stringify(entries)], {type: 'application/json'}));
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="merci" source="json" src=${src}></sign-dictionary-entry>`);
    await waitFor(() => text($(el, '.missing')), 'not said');
    expect(text($(el, '.missing'))).to.equal('A video of this word was found, but its licence could not be read: it is not shown.');
    expect($(el, 'video')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps hostile strings as text, and says a source that cannot be reached in words', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<SignDictionaryEntry>(
      html`<sign-dictionary-entry word=${hostile} .dataSource=${given({...bonjour, word: hostile, senses: [{definition: hostile}]})}></sign-dictionary-entry>`
    );
    await waitFor(() => $(el, '[part=senses] li'), 'no senses');
    expect($(el, 'img')).to.equal(null);
    expect(text($(el, '[part=senses] li'))).to.equal(hostile);
    expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
    const down = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="bonjour" src="http://127.0.0.1:9/v1"></sign-dictionary-entry>`);
    await waitFor(() => $(down, '[part=status] [role=alert]'), 'a gateway that is down is not said', {timeout: 10_000});
    await expect(down).to.be.accessible();
  });
});

describe('<sign-dictionary-entry source="lingualibre">', () => {
  before(async () => {
    // The video Commons gives for the first recording: one of those made above, served by the loopback Commons.
    await fetch('/mock/sign-dictionary-entry/video/lapin.webm', {method: 'POST', body: first});
  });

  it('through a gateway\'s proxy: the word\'s recordings, each file\'s licence from Commons, and the one without a licence left out, said', async () => {
    const el = await fixture<SignDictionaryEntry>(
      html`<sign-dictionary-entry word="Lapin" source="lingualibre" src=${gateway} commons-api="/mock/sign-dictionary-entry/commons"></sign-dictionary-entry>`
    );
    const video = await waitFor(() => $<HTMLVideoElement>(el, 'video'), 'no video');
    expect(video.src).to.match(/\/mock\/sign-dictionary-entry\/video\/lapin\.webm$/);
    await waitFor(() => video.readyState >= 1, 'the video from Commons did not load');
    expect(text($(el, '[part=credits]'))).to.equal(
      'Signed by SPEAKER_A · CC BY-SA 4.0 · SPEAKER_A, CC BY-SA 4.0, via Wikimedia Commons · Lingua Libre'
    );
    expect($<HTMLAnchorElement>(el, '[part=credits] a[rel~=license]')!.href).to.equal('https://creativecommons.org/licenses/by-sa/4.0');
    expect(text($(el, '.note:not(#keys):not(#mirror-note)'))).to.equal('One other video of this word is not shown: its licence could not be read.');
    await expect(el).to.be.accessible();
    el.word = 'inconnu';
    await waitFor(() => text($(el, '.missing')).startsWith('No sign recorded yet'), 'an unknown word is not said');
  });

  it('called from the page and not reached: said, with the gateway\'s proxy named as the way', async () => {
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="lapin" source="lingualibre"></sign-dictionary-entry>`);
    const alert = await waitFor(() => $(el, '[part=status] [role=alert]'), 'not said', {timeout: 20_000});
    expect(text(alert)).to.contain('a Lien gateway can ask it for this page (give its address in src)');
    await expect(el).to.be.accessible();
  });

  it('a SPARQL endpoint that asks to slow down (429), through the proxy: said with the wait, nothing shown', async () => {
    // Last of Lingua Libre's: the gateway then holds back every Lingua Libre request for the 120 s asked.
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="trop" source="lingualibre" src=${gateway}></sign-dictionary-entry>`);
    const alert = await waitFor(() => $(el, '[part=status] [role=alert]'), 'not said');
    expect(text(alert)).to.match(/^The data service is busy\. Try again in \d+ seconds\./);
    expect($(el, 'video')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<sign-dictionary-entry source="wikidata">', () => {
  const wdqs = '/mock/sign-dictionary-entry/wdqs';
  const commons = '/mock/sign-dictionary-entry/commons';
  before(() => fetch('/mock/sign-dictionary-entry/video/lapin.webm', {method: 'POST', body: first}));

  it('the sign videos (P2919, in LSF) of the items labelled with the word: each item a meaning, each video credited from Commons', async () => {
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="Bonjour" source="wikidata" sparql-endpoint=${wdqs} commons-api=${commons}></sign-dictionary-entry>`);
    const video = await waitFor(() => $<HTMLVideoElement>(el, 'video'), 'no video');
    expect(video.src).to.match(/\/mock\/sign-dictionary-entry\/video\/lapin\.webm$/);
    expect(text($(el, '[part=credits]'))).to.equal('Signed by SPEAKER_A · CC BY-SA 4.0 · SPEAKER_A, CC BY-SA 4.0, via Wikimedia Commons · Wikidata');
    expect($$(el, '[part=senses] li').map(text)).to.deep.equal(['PLACEHOLDER DESCRIPTION A (Wikidata (Q90000001))']);
    // The item's other file is a picture, the second item's is missing on Commons: both left out, and said.
    expect(text($(el, '.note:not(#keys):not(#mirror-note)'))).to.equal('2 other videos of this word are not shown: their files are missing or are not videos.');
    await expect(el).to.be.accessible();
    el.word = 'inconnu';
    await waitFor(() => text($(el, '.missing')).startsWith('No sign recorded yet for this word in French Sign Language (LSF).'), 'an unknown word is not said');
    await expect(el).to.be.accessible();
  });

  it('a SPARQL endpoint that asks to slow down (429) or is slow: said in words, in French too', async () => {
    const busy = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="trop" source="wikidata" sparql-endpoint=${wdqs} commons-api=${commons}></sign-dictionary-entry>`);
    expect(text(await waitFor(() => $(busy, '[part=status] [role=alert]'), 'a 429 is not said'))).to.match(/^The data service is busy\. Try again in 120 seconds\./);
    await expect(busy).to.be.accessible();
    // Slow: the search is said while it lasts, then the answer shown; past the time-out, said.
    const slow = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="lent" source="wikidata" sparql-endpoint=${wdqs} commons-api=${commons}></sign-dictionary-entry>`);
    await waitFor(() => text($(slow, '[part=status]')).includes('Looking for the sign…'), 'the wait is not said');
    await waitFor(() => text($(slow, '.missing')).startsWith('No sign recorded yet'), 'the slow answer is not shown', {timeout: 8000});
    await setLocale('fr');
    try {
      const timedOut = await fixture<SignDictionaryEntry>(
        html`<sign-dictionary-entry word="lent" .dataSource=${wikidataSource({sparqlEndpoint: wdqs, commonsApi: commons, timeout: 300})}></sign-dictionary-entry>`
      );
      const alert = await waitFor(() => $(timedOut, '[part=status] [role=alert]'), 'a time-out is not said', {timeout: 10_000});
      expect(text(alert)).to.contain('Le service de données a mis trop de temps à répondre.');
      await expect(timedOut).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });

  it('a video whose file cannot be played (404) is said, not left as an empty frame', async () => {
    const absent = {...bonjour, videos: [{...bonjour.videos[0]!, url: new URL('/mock/sign-dictionary-entry/video/absent.webm', location.href).href}]};
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="bonjour" .dataSource=${given(absent)}></sign-dictionary-entry>`);
    const alert = await waitFor(() => $(el, '.player [role=alert]'), 'a video that does not load is not said');
    expect(text(alert)).to.equal('This video could not be played: its file is missing, or is not a video this browser can play.');
    await expect(el).to.be.accessible();
  });
});

describe('<sign-dictionary-entry source="signbank">', () => {
  const signbank = '/mock/sign-dictionary-entry/signbank';
  before(() => fetch('/mock/sign-dictionary-entry/video/lapin.webm', {method: 'POST', body: first}));

  it('a Global Signbank\'s glosses as variants, with the dataset\'s licence the page states', async () => {
    const server = new URL(signbank, location.href).href;
    const el = await fixture<SignDictionaryEntry>(
      html`<sign-dictionary-entry word="ACCEPTEREN" sign-language="dse" source="signbank" src=${server} dataset="5" licence="CC BY-NC-SA 4.0" licence-url="https://creativecommons.org/licenses/by-nc-sa/4.0/"></sign-dictionary-entry>`
    );
    const video = await waitFor(() => $<HTMLVideoElement>(el, 'video'), 'no video');
    expect(video.src).to.equal(`${server}/dictionary/protected_media/glossvideo/NGT/AC/ACCEPTEREN-A-51.mp4`);
    expect(video.poster).to.equal(`${server}/dictionary/protected_media/glossimage/NGT/AC/ACCEPTEREN-A-51.png`);
    expect($$<HTMLInputElement>(el, '[part=variants] input').map((i) => text(i.closest('label')))).to.deep.equal(['ACCEPTEREN-A', 'ACCEPTEREN-B']);
    expect(text($(el, '[part=credits]'))).to.equal(`CC BY-NC-SA 4.0 · Signbank (${location.host}), CC BY-NC-SA 4.0 · Signbank`);
    // The first gloss's details: how the sign is made, and its meanings; the second's are not public, and not needed.
    expect($$(el, '[part=form] div').map(text)).to.deep.equal(['Handshape (strong hand) B', 'Handshape (weak hand) B', 'Location Neutral space', 'Handedness 2s']);
    expect($$(el, '[part=senses] li').map(text)).to.deep.equal(['house, home (ACCEPTEREN-A)', 'building (ACCEPTEREN-A)']);
    await expect(el).to.be.accessible();
    $$<HTMLInputElement>(el, '[part=variants] input')[1]!.click();
    await waitFor(() => !$(el, '[part=form]'), 'the second gloss has no details to show');
  });

  it('without the dataset\'s licence, no video is shown, and the element says why; without a dataset, says which setting', async () => {
    const el = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="ACCEPTEREN" source="signbank" src=${signbank} dataset="5"></sign-dictionary-entry>`);
    await waitFor(() => text($(el, '.missing')).startsWith('A video of this word was found'), 'not said');
    expect($(el, 'video')).to.equal(null);
    const bare = await fixture<SignDictionaryEntry>(html`<sign-dictionary-entry word="ACCEPTEREN" source="signbank" src=${signbank}></sign-dictionary-entry>`);
    await waitFor(() => text($(bare, '[part=status] [role=alert]')).includes('"dataset"'), 'the missing dataset is not said');
  });
});

