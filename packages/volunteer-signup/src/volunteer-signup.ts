import {html, nothing, type PropertyValues} from 'lit';
import {msg, str} from '@lit/localize';
import {baseStyles, DataController, formatDate, formatNumber, headingLevel, LienElement, LienError, LienErrorEvent, LienEvent, levelBelow, renderHeading, toLienError} from '@lien/core';
import {DAYS, MOMENTS, type Mission, type MissionPage, type RemoteWork} from '@lien/open-data/missions.js';
import {templates as fr} from './generated/locales/fr.js';
import {checkForm, dayName, defaultContactConsent, FIELDS, formField, momentName, readForm, refusedFieldText, signupBody, type Field, type FieldErrors} from './form.js';
import {postcodeCentre, readNear} from './near.js';
import {filterMissions, missionSource, type MissionDataSource, type MissionQuery} from './sources.js';
import {keep, keptSignups, newIdempotencyKey, sendKept, sendSignup, type KeptSignup, type SendOutcome} from './submission.js';
import {volunteerSignupStyles} from './volunteer-signup.styles.js';

/** What `lien-signup` says: the signup went (`sent`, with the id the endpoint gave) or waits on this device (`queued`). */
export interface SignupDetail {
  status: 'sent' | 'queued';
  id: string;
  missionId?: string;
}

export type VolunteerSignupEvents = {
  'lien-signup': LienEvent<'lien-signup', SignupDetail>;
  'lien-error': LienErrorEvent;
};

declare global {
  interface HTMLElementTagNameMap {
    'volunteer-signup': VolunteerSignup;
  }
}

const REMOTE: readonly RemoteWork[] = ['no', 'possible', 'full'];
/** Pauses before kept signups are tried again while the page stays open (the last one repeats). */
const RETRY_MS = [2000, 10_000, 60_000, 300_000];
const DISTANCES = [5, 10, 25, 50, 100];

const remoteText = (remote: RemoteWork) =>
  ({no: msg('On site'), possible: msg('On site or from home'), full: msg('From home'), local: msg('Near you')})[remote];

/** The words of the state the list or the signup is in, for the status line. */
type Status =
  | {kind: 'idle'}
  | {kind: 'sending'}
  | {kind: 'sent'}
  | {kind: 'queued'}
  | {kind: 'kept-sent'; count: number}
  | {kind: 'kept-refused'}
  | {kind: 'invalid'; count: number}
  | {kind: 'error'; error: LienError};

/**
 * Volunteer missions from open data, filters a visitor can use with a keyboard and a screen reader, and a signup
 * form on the association's own page: no account, no other site. A signup is sent with a key that makes a retry
 * harmless; offline, on a time-out or a server error it is kept on this device and sent when the connection is
 * back (on this page, after a reload, or on the next visit to any page with the element), and the visitor is told.
 *
 * @customElement volunteer-signup
 * @fires lien-signup - A signup was sent (`detail.status` `sent`, `id`) or kept on this device to be sent later (`queued`).
 * @fires lien-error - The missions could not be loaded, or a setting is wrong (`detail.error`, a LienError).
 * @csspart filters - The search form above the list.
 * @csspart list - The list of missions.
 * @csspart form - The signup form.
 * @csspart status - What the element is doing, or how the signup went.
 */
export class VolunteerSignup extends LienElement<VolunteerSignupEvents> {
  static override styles = [baseStyles, volunteerSignupStyles];
  static override translations = {fr};

  static override properties = {
    source: {},
    src: {},
    submit: {},
    domain: {},
    near: {},
    distance: {type: Number},
    remote: {},
    q: {},
    mission: {},
    applicationUrlOnly: {attribute: 'application-url-only', type: Boolean},
    headingLevel: {attribute: 'heading-level', converter: headingLevel},
    consentContact: {attribute: 'consent-contact'},
    consentNewsletter: {attribute: 'consent-newsletter'},
    geocoder: {},
    dataSource: {attribute: false},
    chosen: {state: true},
    errors: {state: true},
    status: {state: true},
    finished: {state: true},
  };

  /** `lien` (a Lien gateway), `api-engagement` (through the gateway's proxy), `volunteeringdata` or `json`. */
  declare source: string;
  /** The gateway's `…/v1` address (`lien`, `api-engagement`), or the document's (`volunteeringdata`, `json`). */
  declare src?: string;
  /** Where signups are POSTed: the gateway's `/v1/signups`, or any endpoint taking the same JSON. */
  declare submit?: string;
  declare domain?: string;
  /** `"lat,lon"` or a French postcode. */
  declare near?: string;
  /** Kilometres around `near` (default 25). */
  declare distance?: number;
  declare remote?: RemoteWork;
  declare q?: string;
  /** One mission's id: its signup form at once. */
  declare mission?: string;
  /** Send visitors to each mission's own application page instead of the form. */
  declare applicationUrlOnly: boolean;
  /** The level of the element's headings (the missions' titles, the form's title), 1–6 (default 2). */
  declare headingLevel?: number;
  /** The words of the consent to be contacted, sent with the signup (default: a sentence in the page's language). */
  declare consentContact?: string;
  /** The words of the newsletter consent; no such box without them. */
  declare consentNewsletter?: string;
  /** Another address for geo.api.gouv.fr (postcodes to places). */
  declare geocoder?: string;
  /** Any other source of missions (see `MissionDataSource`); it wins over `source` and `src`. */
  declare dataSource?: MissionDataSource;

  /** The mission being signed up to, `null` for a general signup, `undefined` when the list is shown. */
  declare private chosen?: Mission | null;
  declare private errors: FieldErrors;
  declare private status: Status;
  /** The signup ended (sent or kept): the form gives way to what happened. */
  declare private finished: boolean;
  /** When the form was first shown: kept across a failed attempt, so that a resubmit is not taken for a robot. */
  private startedAt?: number;
  /** One key per signup: pressing "send" again after a time-out sends the same signup, stored once. */
  private idempotencyKey?: string;
  private sanitizer?: typeof import('./sanitize.part.js');
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retries = 0;

  constructor() {
    super();
    this.source = 'lien';
    this.applicationUrlOnly = false;
    this.errors = {};
    this.status = {kind: 'idle'};
    this.finished = false;
  }

  private readonly missions = new DataController(this, {
    args: () => [this.dataSource, this.source, this.src, this.domain, this.near, this.distance, this.remote, this.q, this.geocoder] as const,
    load: (args, signal) => this.loadMissions(signal),
  });

  private async loadMissions(signal: AbortSignal): Promise<MissionPage> {
    const {source, local} = this.dataSource ? {source: this.dataSource, local: true} : await missionSource(this.source, this.src);
    const query: MissionQuery = {domain: this.domain || undefined, remote: this.remote || undefined, q: this.q || undefined, distance: this.distance};
    const near = readNear(this.near);
    if (near) query.near = 'point' in near ? near.point : await postcodeCentre(near.postcode, signal, this.geocoder);
    const page = filterMissions(await source.load(query, signal), query, Date.now(), local);
    if (page.missions.some((m) => m.descriptionHtml && !m.description)) this.sanitizer ??= await import('./sanitize.part.js');
    if (this.mission && this.chosen === undefined) {
      this.chosen = page.missions.find((m) => m.id === this.mission) ?? (await source.loadOne?.(this.mission, signal)) ?? undefined;
      // Shown at once, not moved to: the page keeps the focus where the visitor has it.
      if (this.chosen) this.openForm(this.chosen, false);
    }
    return page;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.sendKeptSignups);
    void this.sendKeptSignups();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.sendKeptSignups);
    clearTimeout(this.retryTimer);
  }

  /**
   * Signups kept on this device, sent now that the page is here (on load, when the browser is online again, and
   * with growing pauses while some are left).
   */
  private sendKeptSignups = async (): Promise<void> => {
    clearTimeout(this.retryTimer);
    let sent = 0;
    let refused = false;
    let left: number;
    try {
      await sendKept((signup: KeptSignup, outcome: SendOutcome) => {
        if (outcome.status === 'sent') {
          sent++;
          this.emit(new LienEvent<'lien-signup', SignupDetail>('lien-signup', {status: 'sent', id: outcome.id, missionId: signup.body.missionId}));
        } else refused = true;
      });
      left = (await keptSignups()).length;
    } catch {
      // No IndexedDB here (a private window): nothing was kept either.
      return;
    }
    if (sent) this.status = {kind: 'kept-sent', count: sent};
    else if (refused) this.status = {kind: 'kept-refused'};
    if (left && this.isConnected) this.retryTimer = setTimeout(() => void this.sendKeptSignups(), RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)]);
    else this.retries = 0;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mission') && !this.mission) this.chosen = undefined;
  }

  private openForm(mission: Mission | null, focus = true): void {
    if (this.applicationUrlOnly && mission?.applicationUrl) return window.location.assign(mission.applicationUrl);
    this.chosen = mission;
    this.finished = false;
    this.errors = {};
    this.status = {kind: 'idle'};
    this.startedAt ??= Date.now();
    this.idempotencyKey = undefined;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=form] :is(h1, h2, h3, h4, h5, h6)')?.focus());
  }

  private closeForm(): void {
    const id = this.chosen?.id;
    this.chosen = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-mission="${CSS.escape(id ?? '')}"] button, [part=list] h2, [part=list] h3`)?.focus());
  }

  private applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    this.q = value('q');
    this.domain = value('domain');
    this.near = value('near');
    this.distance = value('distance') ? Number(value('distance')) : undefined;
    this.remote = value('remote') as RemoteWork | undefined;
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.status.kind === 'sending') return;
    const form = event.target as HTMLFormElement;
    const values = readForm(form);
    this.errors = checkForm(values);
    if (Object.keys(this.errors).length) return this.showErrors();
    if (!this.submit) return this.fail(new LienError('validation', msg('The signup cannot be sent: the setting "submit" is missing.'), {field: 'submit'}));
    const body = signupBody(values, {
      missionId: this.chosen?.id,
      startedAt: this.startedAt ?? Date.now(),
      contactWording: this.consentContact?.trim() || defaultContactConsent(),
      newsletterWording: this.consentNewsletter?.trim() || undefined,
    });
    const key = (this.idempotencyKey ??= newIdempotencyKey());
    this.status = {kind: 'sending'};
    const outcome = await sendSignup(this.submit, body, key);
    if (outcome.status === 'sent') {
      this.finish({kind: 'sent'});
      this.emit(new LienEvent<'lien-signup', SignupDetail>('lien-signup', {status: 'sent', id: outcome.id, missionId: body.missionId}));
    } else if (outcome.status === 'unreachable') {
      try {
        await keep({key, submit: this.submit, body, keptAt: Date.now()});
      } catch (error) {
        // Nowhere to keep it (no IndexedDB): the form stays filled in, and the visitor can press "send" again.
        return this.fail(outcome.reason, toLienError(error));
      }
      this.finish({kind: 'queued'});
      this.emit(new LienEvent<'lien-signup', SignupDetail>('lien-signup', {status: 'queued', id: key, missionId: body.missionId}));
      this.retryTimer = setTimeout(() => void this.sendKeptSignups(), RETRY_MS[0]);
    } else {
      this.status = {kind: 'idle'};
      this.errors = this.serverErrors(outcome.fields, outcome.code);
      // A refusal about no field of the form is said above it (serverErrors did).
      if (Object.keys(this.errors).length) this.showErrors();
    }
  }

  /** A refusal's reasons on the fields they are about; what is about no field is said above the form. */
  private serverErrors(fields: Record<string, string>, code: string): FieldErrors {
    const errors: FieldErrors = {};
    for (const name of Object.keys(fields)) {
      const field = formField(name);
      if (field) errors[field] ??= refusedFieldText(field);
    }
    if (!Object.keys(errors).length) this.fail(new LienError('validation', code === 'too_fast' ? msg('The form was sent very quickly. Check your answers, then send it again.') : msg(str`The association's service refused the signup (${code}).`)));
    return errors;
  }

  private finish(status: Status): void {
    this.finished = true;
    this.status = status;
    this.idempotencyKey = undefined;
    this.startedAt = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=status]')?.focus());
  }

  private fail(error: LienError, cause?: LienError): void {
    this.status = {kind: 'error', error};
    this.emit(new LienErrorEvent(cause ?? error));
  }

  /** The number of problems is announced, and the first field with one gets the focus. */
  private showErrors(): void {
    this.status = {kind: 'invalid', count: Object.keys(this.errors).length};
    void this.updateComplete.then(() => {
      const first = FIELDS.find((f) => this.errors[f]);
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    });
  }

  private statusText(): string | undefined {
    const s = this.status;
    switch (s.kind) {
      case 'sending':
        return msg('Sending your signup…');
      case 'sent':
        return msg('Thank you! Your signup was sent to the association, which will contact you.');
      case 'queued':
        return msg('Your signup is saved on this device: it will be sent when the connection is back. You can close this page.');
      case 'kept-sent':
        return msg(str`Your signup saved on this device has been sent (${formatNumber(s.count)}).`);
      case 'kept-refused':
        return msg('A signup saved on this device was refused by the association\'s service. Please fill in the form again.');
      case 'invalid':
        return s.count === 1 ? msg('One answer needs to be corrected.') : msg(str`${formatNumber(s.count)} answers need to be corrected.`);
      case 'error':
        return s.error.kind === 'validation' ? s.error.message : msg('The signup could not be sent. Check your connection, then try again.');
      default:
        return undefined;
    }
  }

  override render() {
    const text = this.statusText();
    const alert = this.status.kind === 'invalid' || this.status.kind === 'error' || this.status.kind === 'kept-refused';
    return html`${text
        ? alert
          ? html`<p part="status" class="status error" role="alert" tabindex="-1">${text}</p>`
          : html`<p part="status" class="status" role="status" tabindex="-1">${text}</p>`
        : html`<p part="status" class="status" role="status"></p>`}
      ${this.chosen !== undefined ? this.renderForm(this.chosen) : this.renderList()}`;
  }

  private renderList() {
    const level = levelBelow(this.headingLevel, 0, 2);
    const page = this.missions.value;
    const domains = [...new Set([...(page?.missions.map((m) => m.domain) ?? []), this.domain].filter((d): d is string => !!d))].sort();
    return html`<form part="filters" class="filters" role="search" aria-label=${msg('Find a mission')} @submit=${(e: SubmitEvent) => this.applyFilters(e)}>
        <label>${msg('Words')} <input name="q" type="search" .value=${this.q ?? ''} /></label>
        <label
          >${msg('Domain')}
          <select name="domain">
            <option value="">${msg('All')}</option>
            ${domains.map((d) => html`<option value=${d} ?selected=${d === this.domain}>${d}</option>`)}
          </select></label
        >
        <label>${msg('Near (postcode)')} <input name="near" inputmode="numeric" autocomplete="postal-code" .value=${this.near ?? ''} /></label>
        <label
          >${msg('Within')}
          <select name="distance">
            ${DISTANCES.map((d) => html`<option value=${d} ?selected=${d === (this.distance ?? 25)}>${formatNumber(d)} km</option>`)}
          </select></label
        >
        <label
          >${msg('Where')}
          <select name="remote">
            <option value="">${msg('Anywhere')}</option>
            ${REMOTE.map((r) => html`<option value=${r} ?selected=${r === this.remote}>${remoteText(r)}</option>`)}
          </select></label
        >
        <button type="submit">${msg('Search')}</button>
      </form>
      <div class="list-status">
        ${this.missions.renderStatus({
          idle: page && !page.missions.length ? 'empty' : undefined,
          emptyText: msg('No mission matches this search. You can still offer your help below.'),
          readyText: page ? (page.missions.length === 1 ? msg('1 mission') : msg(str`${formatNumber(page.missions.length)} missions`)) : undefined,
        })}
      </div>
      <ul part="list" class="missions">
        ${(page?.missions ?? []).map((m) => this.renderMission(m, level))}
      </ul>
      <button type="button" class="secondary general" @click=${() => this.openForm(null)}>${msg('Offer your help to the association')}</button>`;
  }

  private renderMission(m: Mission, level: ReturnType<typeof levelBelow>) {
    const where = [m.remote ? remoteText(m.remote) : undefined, m.city].filter(Boolean).join(' · ');
    const when = m.endAt ? msg(str`Until ${formatDate(m.endAt)}`) : undefined;
    const description = m.description ?? (m.descriptionHtml && this.sanitizer ? this.sanitizer.sanitizeHtml(m.descriptionHtml) : undefined);
    const titleId = `mission-${m.id.replace(/[^\w-]/g, '_')}`;
    return html`<li class="mission" data-mission=${m.id}>
      <article aria-labelledby=${titleId}>
        ${renderHeading(level, m.title, {id: titleId})}
        ${m.organizationName ? html`<p class="organization">${m.organizationName}</p>` : nothing}
        ${where || when ? html`<p class="meta">${[where, when].filter(Boolean).join(' · ')}</p>` : nothing}
        ${description ? html`<div class="description">${description}</div>` : nothing}
        ${this.applicationUrlOnly && m.applicationUrl
          ? html`<a class="apply" href=${m.applicationUrl} rel="noopener" aria-describedby=${titleId}>${msg('Apply on the mission\'s page')}</a>`
          : html`<button type="button" aria-describedby=${titleId} @click=${() => this.openForm(m)}>${msg('Sign up')}</button>`}
      </article>
    </li>`;
  }

  private renderForm(mission: Mission | null) {
    const level = levelBelow(this.headingLevel, 0, 2);
    if (this.finished) return html`<button type="button" class="secondary" @click=${() => this.closeForm()}>${msg('See the missions')}</button>`;
    const error = (field: Field) => this.errors[field];
    const describe = (field: Field) => (error(field) ? `${field}-error` : nothing);
    const fieldError = (field: Field) => html`<span id="${field}-error" class="field-error">${error(field) ?? nothing}</span>`;
    const input = (field: 'name' | 'email' | 'phone', label: string, type: 'text' | 'email' | 'tel', autocomplete: 'name' | 'email' | 'tel', required: boolean) => html`<div class="field">
      <label for=${field}>${label} ${required ? nothing : html`<span class="optional">${msg('(optional)')}</span>`}</label>
      <input id=${field} name=${field} type=${type} autocomplete=${autocomplete} aria-required=${required ? 'true' : 'false'} aria-invalid=${error(field) ? 'true' : 'false'} aria-describedby=${describe(field)} />
      ${fieldError(field)}
    </div>`;
    return html`<form part="form" class="signup" novalidate @submit=${(e: SubmitEvent) => void this.send(e)}>
      ${renderHeading(level, mission ? msg(str`Sign up: ${mission.title}`) : msg('Offer your help'), {focusable: true})}
      ${mission?.organizationName ? html`<p class="organization">${mission.organizationName}</p>` : nothing}
      ${input('name', msg('Your name'), 'text', 'name', true)} ${input('email', msg('Your e-mail address'), 'email', 'email', true)}
      ${input('phone', msg('Your phone number'), 'tel', 'tel', false)}
      <fieldset class="choices">
        <legend>${msg('The days you are available')} <span class="optional">${msg('(optional)')}</span></legend>
        ${DAYS.map((d) => html`<label><input type="checkbox" name="days" value=${d} /> ${dayName(d)}</label>`)}
      </fieldset>
      <fieldset class="choices">
        <legend>${msg('At what time of day')} <span class="optional">${msg('(optional)')}</span></legend>
        ${MOMENTS.map((m) => html`<label><input type="checkbox" name="moments" value=${m} /> ${momentName(m)}</label>`)}
      </fieldset>
      <div class="field">
        <label for="skills">${msg('Your skills, separated by commas')} <span class="optional">${msg('(optional)')}</span></label>
        <input id="skills" name="skills" type="text" />
      </div>
      <div class="field">
        <label for="message">${msg('A message for the association')} <span class="optional">${msg('(optional)')}</span></label>
        <textarea id="message" name="message" rows="4" aria-invalid=${error('message') ? 'true' : 'false'} aria-describedby=${describe('message')}></textarea>
        ${fieldError('message')}
      </div>
      <div class="field consent">
        <label><input type="checkbox" name="consent-contact" value="yes" aria-invalid=${error('consent-contact') ? 'true' : 'false'} aria-describedby=${describe('consent-contact')} /> ${this.consentContact?.trim() || defaultContactConsent()}</label>
        ${fieldError('consent-contact')}
      </div>
      ${this.consentNewsletter?.trim()
        ? html`<div class="field consent"><label><input type="checkbox" name="consent-newsletter" value="yes" /> ${this.consentNewsletter.trim()}</label></div>`
        : nothing}
      <div class="leave-empty" aria-hidden="false">
        <label for="website">${msg('Leave this field empty')}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${this.status.kind === 'sending' ? 'true' : 'false'}>${msg('Send my signup')}</button>
        ${this.mission ? nothing : html`<button type="button" class="secondary" @click=${() => this.closeForm()}>${msg('Back to the missions')}</button>`}
      </div>
    </form>`;
  }
}
