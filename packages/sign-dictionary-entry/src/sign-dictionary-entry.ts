import {html, nothing, type PropertyValues} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {baseStyles, DataController, formatNumber, headingLevel, LienElement, LienErrorEvent, LienEvent, levelBelow, renderHeading} from '@lien/core';
import type {SignEntry, SignVideo} from '@lien/open-data/signs.js';
import {templates as fr} from './generated/locales/fr.js';
import {nearestSpeed, PlayerController, SPEEDS} from './player.js';
import {signSource, type SignDataSource, type SignResult} from './sources.js';
import {signEntryStyles} from './sign-dictionary-entry.styles.js';

export type SignDictionaryEntryEvents = {
  'lien-load': LienEvent<'lien-load', {entry: SignEntry | undefined}>;
  'lien-error': LienErrorEvent;
};

declare global {
  interface HTMLElementTagNameMap {
    'sign-dictionary-entry': SignDictionaryEntry;
  }
}

/** The sign languages named in words; any other is shown by its code. */
const languageName = (code: string): string =>
  ({fsl: msg('French Sign Language (LSF)'), ase: msg('American Sign Language (ASL)'), bfi: msg('British Sign Language (BSL)')})[code] ?? code;

const speedLabel = (speed: number) => `${formatNumber(speed)}×`;

/**
 * A word in a sign language: its videos, with the player learners need (speeds from 1× down to 0.25×, loop, "replay
 * slower", mirror as a learning aid, frame steps when paused, and the keyboard), the word's meanings as text, and
 * under each video the credits its licence asks for. A video whose licence cannot be read is never shown.
 *
 * @customElement sign-dictionary-entry
 * @fires lien-load - The entry was looked up (`detail.entry`, none for a word no source knows).
 * @fires lien-error - The source could not be read, or a setting is wrong (`detail.error`, a LienError).
 * @csspart video - The video.
 * @csspart controls - The player's buttons.
 * @csspart variants - The choice among the word's videos (other signers, regional variants).
 * @csspart senses - The word's meanings.
 * @csspart credits - Who signs, the licence and the source of the video shown.
 * @csspart form - How the sign is made, where the source says (Signbank): handshapes, location, handedness.
 * @csspart status - Loading, an unknown word, or an error, in words.
 */
export class SignDictionaryEntry extends LienElement<SignDictionaryEntryEvents> {
  static override styles = [baseStyles, signEntryStyles];
  static override translations = {fr};

  static override properties = {
    word: {},
    signLanguage: {attribute: 'sign-language'},
    source: {},
    src: {},
    commonsApi: {attribute: 'commons-api'},
    sparqlEndpoint: {attribute: 'sparql-endpoint'},
    signbankDataset: {attribute: 'dataset'},
    licence: {},
    licenceUrl: {attribute: 'licence-url'},
    speed: {type: Number},
    loop: {type: Boolean},
    mirror: {type: Boolean},
    autoplay: {type: Boolean},
    headingLevel: {attribute: 'heading-level', converter: headingLevel},
    dataSource: {attribute: false},
    chosen: {state: true},
  };

  /** The word to show. */
  declare word: string;
  /** ISO 639-3 or BCP 47: `fsl` (French Sign Language, the default), `ase`, `bfi`, `sgn-…`. */
  declare signLanguage: string;
  /**
   * `lien` (a Lien gateway's `/v1/signs`, the default), `lingualibre` (Lingua Libre's recordings and their Commons
   * licences), `wikidata` (the sign videos of Wikidata's items labelled with the word, property P2919), `signbank` (a Global Signbank server at `src`, with `dataset` and `licence`), or `json` (a list in
   * Lien's model at `src`).
   */
  declare source: string;
  /**
   * `lien`: the gateway's `…/v1` address (default `/v1`); `lingualibre`: a gateway's `…/v1` address, to reach Lingua
   * Libre through its cached proxy (without it, Lingua Libre is called from the page); `json`: the document's.
   */
  declare src?: string;
  /** Another address for the Wikimedia Commons API (a cache), for `lingualibre` and `wikidata`. */
  declare commonsApi?: string;
  /** `wikidata`: another SPARQL endpoint serving Wikidata (a mirror or a cache) than the Wikidata Query Service. */
  declare sparqlEndpoint?: string;
  /** `signbank` (attribute `dataset`): the dataset to search on the Signbank server at `src`. */
  declare signbankDataset?: string;
  /** `signbank`: the dataset's licence, as its site states it (the API does not give it); no video is shown without. */
  declare licence?: string;
  declare licenceUrl?: string;
  /** The speed at first, 0.25–1 (default 1). */
  declare speed?: number;
  /** Play the sign again and again at first. */
  declare loop: boolean;
  /** Mirrored at first: a learning aid, since a mirrored sign shows the other hand. */
  declare mirror: boolean;
  /** Start playing on its own; never when the visitor asks for reduced motion. */
  declare autoplay: boolean;
  /** The level of the word's heading, 1–6 (default 2). */
  declare headingLevel?: number;
  /** Any other source of signs (see `SignDataSource`); it wins over `source` and `src`. */
  declare dataSource?: SignDataSource;
  /** The video shown, among the word's. */
  declare private chosen: number;

  constructor() {
    super();
    this.word = '';
    this.signLanguage = 'fsl';
    this.source = 'lien';
    this.loop = false;
    this.mirror = false;
    this.autoplay = false;
    this.chosen = 0;
  }

  private readonly player = new PlayerController(this, () => this.renderRoot.querySelector<HTMLVideoElement>('video'));

  private readonly sign = new DataController(this, {
    args: () =>
      [this.dataSource, this.source, this.src, this.commonsApi, this.sparqlEndpoint, this.signbankDataset, this.licence, this.licenceUrl, this.word.trim(), this.signLanguage] as const,
    load: async ([dataSource, source, src, commonsApi, sparqlEndpoint, dataset, licence, licenceUrl, word, lang], signal): Promise<SignResult | undefined> => {
      if (!word) return undefined;
      const from = dataSource ?? (await signSource(source, src, {commonsApi, sparqlEndpoint, dataset, licence, licenceUrl}));
      const result = await from.load({word, lang}, signal);
      this.chosen = 0;
      this.emit(new LienEvent('lien-load', {entry: result.entry}));
      return result;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('speed')) this.player.setSpeed(nearestSpeed(this.speed));
    if (changed.has('loop')) this.player.loop = this.loop;
    if (changed.has('mirror')) this.player.mirrored = this.mirror;
  }

  /** Autoplay, unless the visitor asked for less motion. */
  private get playsOnItsOwn(): boolean {
    return this.autoplay && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  override render() {
    const level = levelBelow(this.headingLevel, 0, 2);
    const result = this.sign.value;
    const entry = result?.entry;
    return html`${renderHeading(level, this.word)}
      <div part="status" class="entry-status">
        ${this.sign.renderStatus({loadingText: msg('Looking for the sign…'), note: this.blockedNote()})}${this.renderMissing(result)}
      </div>
      ${entry ? this.renderEntry(entry, levelBelow(level, 1, 3)) : nothing}`;
  }

  /** Lingua Libre called from the page and not reached: perhaps not allowed from here, and a gateway can do it. */
  private blockedNote(): string | undefined {
    const error = this.sign.error;
    return this.source === 'lingualibre' && !this.src && !this.dataSource && error && (error.kind === 'network' || error.kind === 'timeout')
      ? msg('Lingua Libre may not answer pages of other sites: a Lien gateway can ask it for this page (give its address in src).')
      : undefined;
  }

  /** No sign for this word, or none that can be shown: said, with where signs are recorded. */
  private renderMissing(result: SignResult | undefined) {
    if (!result) return nothing;
    const unplayable = result.unplayable ?? 0;
    if (result.entry?.videos.length) {
      const left = result.withoutLicence;
      return html`${left
        ? html`<p class="note">
            ${left === 1 ? msg('One other video of this word is not shown: its licence could not be read.') : msg(str`${formatNumber(left)} other videos of this word are not shown: their licences could not be read.`)}
          </p>`
        : nothing}${unplayable
        ? html`<p class="note">
            ${unplayable === 1
              ? msg('One other video of this word is not shown: its file is missing or is not a video.')
              : msg(str`${formatNumber(unplayable)} other videos of this word are not shown: their files are missing or are not videos.`)}
          </p>`
        : nothing}`;
    }
    const language = languageName(this.signLanguage);
    const search = `https://commons.wikimedia.org/w/index.php?search=${encodeURIComponent(`${this.word} ${this.signLanguage}`)}&title=Special:MediaSearch&type=video`;
    return html`<p class="missing">
        ${result.withoutLicence
          ? msg(str`A video of this word was found, but its licence could not be read: it is not shown.`)
          : unplayable
            ? msg(str`A video of this word was found, but its file is missing or is not a video.`)
            : msg(str`No sign recorded yet for this word in ${language}.`)}
      </p>
      <ul class="links">
        <li><a href="https://lingualibre.org/wiki/Special:RecordWizard" rel="noopener">${msg('Record it on Lingua Libre')}</a></li>
        <li><a href=${search} rel="noopener">${msg('Search Wikimedia Commons')}</a></li>
      </ul>`;
  }

  private renderEntry(entry: SignEntry, level: ReturnType<typeof levelBelow>) {
    const video = entry.videos[Math.min(this.chosen, entry.videos.length - 1)];
    return html`${video ? this.renderPlayer(video) : nothing} ${entry.videos.length > 1 ? this.renderVariants(entry.videos) : nothing}
      ${entry.senses.length
        ? html`<div part="senses" class="senses">
            ${renderHeading(level, msg('Meanings'))}
            <ol>
              ${entry.senses.map((s) => html`<li>${s.definition}${s.source ? html` <span class="source">(${s.source})</span>` : nothing}</li>`)}
            </ol>
          </div>`
        : nothing}`;
  }

  private renderPlayer(video: SignVideo) {
    const p = this.player;
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    return html`<figure class="player">
        <div
          class="stage"
          role="group"
          tabindex="0"
          aria-label=${msg(str`Video of the sign for “${this.word}”`)}
          aria-describedby="keys"
          @keydown=${(e: KeyboardEvent) => e.target === e.currentTarget && p.key(e) && e.preventDefault()}
        >
          <video
            part="video"
            class=${p.mirrored ? 'mirrored' : ''}
            src=${video.url}
            poster=${ifDefined(video.poster)}
            muted
            playsinline
            preload="metadata"
            ?autoplay=${this.playsOnItsOwn}
            @play=${p.onPlayState}
            @pause=${p.onPlayState}
            @ended=${p.onPlayState}
            @error=${p.onError}
          ></video>
        </div>
        ${p.failedSrc === video.url ? html`<p class="unplayable" role="alert">${msg('This video could not be played: its file is missing, or is not a video this browser can play.')}</p>` : nothing}
        <div part="controls" class="controls">
          <button type="button" class="play" @click=${() => void p.toggle()}>${p.paused ? msg('Play') : msg('Pause')}</button>
          <div role="group" aria-label=${msg('Speed')} class="speeds">
            ${SPEEDS.map((s) => html`<button type="button" class="secondary" aria-pressed=${pressed(p.speed === s)} @click=${() => p.setSpeed(s)}>${speedLabel(s)}</button>`)}
          </div>
          <button type="button" class="secondary" @click=${() => void p.replaySlower()}>${msg('Replay slower')}</button>
          <button type="button" class="secondary" aria-pressed=${pressed(p.loop)} @click=${() => p.toggleLoop()}>${msg('Loop')}</button>
          <button type="button" class="secondary" aria-pressed=${pressed(p.mirrored)} aria-describedby="mirror-note" @click=${() => p.toggleMirror()}>${msg('Mirror')}</button>
          <button type="button" class="secondary" aria-disabled=${pressed(!p.paused)} @click=${() => p.step(-1)}>${msg('Previous frame')}</button>
          <button type="button" class="secondary" aria-disabled=${pressed(!p.paused)} @click=${() => p.step(1)}>${msg('Next frame')}</button>
        </div>
        <p id="mirror-note" class="note">${msg('Mirror is a learning aid: a mirrored sign shows the other hand, as in a mirror.')}</p>
        <p id="keys" class="note">${msg('Keys on the video: Space or Enter plays or pauses, the arrows step one frame when paused, L loops, M mirrors.')}</p>
        ${this.renderForm(video)}
        <figcaption part="credits" class="credits">${this.renderCredits(video)}</figcaption>
      </figure>`;
  }

  /** How the sign is made, as the source names it: handshapes, location, handedness. */
  private renderForm(video: SignVideo) {
    const form = video.form;
    const rows = form
      ? ([
          [msg('Handshape (strong hand)'), form.strongHand],
          [msg('Handshape (weak hand)'), form.weakHand],
          [msg('Location'), form.location],
          [msg('Handedness'), form.handedness],
        ].filter(([, value]) => value) as [string, string][])
      : [];
    return rows.length ? html`<dl part="form" class="form">${rows.map(([label, value]) => html`<div><dt>${label}</dt> <dd>${value}</dd></div>`)}</dl>` : nothing;
  }

  private renderCredits(video: SignVideo) {
    const licence = video.licenceUrl ? html`<a href=${video.licenceUrl} rel="license noopener">${video.licence}</a>` : video.licence;
    return html`${video.signer ? html`${msg(str`Signed by ${video.signer}`)} · ` : nothing}${licence}${video.attribution
        ? html` · <span class="attribution">${video.attribution}</span>`
        : nothing}
      · ${video.pageUrl ? html`<a href=${video.pageUrl} rel="noopener">${video.source}</a>` : video.source}`;
  }

  private renderVariants(videos: SignVideo[]) {
    return html`<fieldset part="variants" class="variants">
      <legend>${msg('Other videos of this word')}</legend>
      ${videos.map(
        (v, i) => html`<label
          ><input type="radio" name="variant" .checked=${live(i === this.chosen)} @change=${() => (this.chosen = i)} />
          ${v.variant ?? v.signer ?? msg(str`Video ${formatNumber(i + 1)}`)}${v.variant && v.signer ? html` <span class="source">(${v.signer})</span>` : nothing}</label
        >`
      )}
    </fieldset>`;
  }
}
