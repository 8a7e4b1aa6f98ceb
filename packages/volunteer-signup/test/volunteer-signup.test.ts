import {expect, fixture} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import {waitFor} from '@lien/testing';
import '../src/define.js';
import type {SignupDetail, VolunteerSignup} from '../src/volunteer-signup.js';

/** The real gateway on loopback, with its sample missions and API Engagement faked behind its proxy (mock-server.mjs). */
const {gateway} = (await (await fetch('/mock/volunteer-signup/start')).json()) as {gateway: string};
const stored = async () => (await (await fetch('/mock/volunteer-signup/signups')).json()) as {name: string; mission_id: string | null; consents: {purpose: string; wording: string}[]}[];

const $ = <T extends Element = HTMLElement>(el: VolunteerSignup, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: VolunteerSignup, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const titles = (el: VolunteerSignup) => $$(el, '[part=list] article :is(h2, h3, h4)').map(text);

async function listed(el: VolunteerSignup, count?: number): Promise<string[]> {
  // A change of filters starts a new load in the next update: wait for it, not for the list before it.
  await el.updateComplete;
  await waitFor(() => (count === undefined ? $$(el, '[part=list] li').length > 0 : $$(el, '[part=list] li').length === count) && !/Loading|Chargement/.test(text($(el, '.list-status'))), 'the list did not settle');
  await el.updateComplete;
  return titles(el);
}

function fill(el: VolunteerSignup, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = $<HTMLInputElement>(el, `[part=form] [name="${name}"]`)!;
    field.value = value;
  }
}

const signupOf = (el: VolunteerSignup) =>
  new Promise<SignupDetail>((resolve) => el.addEventListener('lien-signup', (event) => resolve((event as CustomEvent<SignupDetail>).detail), {once: true}));

describe('<volunteer-signup source="lien">', () => {
  it('lists the association\'s missions from the gateway, and filters them by words, domain, place and postcode', async () => {
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} geocoder="/mock/volunteer-signup/geo"></volunteer-signup>`);
    expect(await listed(el, 3)).to.have.members(['Animer des ateliers numeriques pour des seniors', 'Participer a une collecte alimentaire', 'Sensibiliser a la protection du littoral']);
    await expect(el).to.be.accessible();

    el.q = 'littoral';
    expect(await listed(el, 1)).to.deep.equal(['Sensibiliser a la protection du littoral']);
    el.q = undefined;
    el.domain = 'humanitaire';
    expect(await listed(el, 1)).to.deep.equal(['Participer a une collecte alimentaire']);
    el.domain = undefined;
    // 28100 is Dreux, about 75 km from Paris.
    el.near = '28100';
    el.distance = 100;
    expect(await listed(el, 1)).to.deep.equal(['Animer des ateliers numeriques pour des seniors']);
    el.distance = 25;
    await waitFor(() => text($(el, '.list-status')).startsWith('No mission matches'), 'no word for an empty list');
    el.near = '99999';
    await waitFor(() => text($(el, '.list-status')).includes('No French town has the postcode 99999'), 'an unknown postcode is not said');
  });

  it('applies the filters a visitor sets in the form, with the keyboard', async () => {
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway}></volunteer-signup>`);
    await listed(el, 3);
    $<HTMLInputElement>(el, '[part=filters] [name=q]')!.focus();
    await sendKeys({type: 'ateliers'});
    await sendKeys({press: 'Enter'});
    expect(await listed(el, 1)).to.deep.equal(['Animer des ateliers numeriques pour des seniors']);
    expect(el.q).to.equal('ateliers');
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`says what is wrong with the form in words, in ${locale}, and moves the focus to the first problem`, async () => {
      await setLocale(locale);
      try {
        const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} submit=${`${gateway}/signups`}></volunteer-signup>`);
        await listed(el);
        $<HTMLButtonElement>(el, '[part=list] button')!.click();
        await el.updateComplete;
        fill(el, {email: 'not-an-address', phone: 'call me'});
        $<HTMLButtonElement>(el, '[part=form] button[type=submit]')!.click();
        await waitFor(() => el.shadowRoot!.activeElement === $(el, '[name=name]'), 'the focus is not on the first problem');
        const fr = locale === 'fr';
        expect(text($(el, '[part=status][role=alert]'))).to.equal(fr ? '4 réponses sont à corriger.' : '4 answers need to be corrected.');
        expect(text($(el, '#name-error'))).to.equal(fr ? 'Indiquez votre nom.' : 'Enter your name.');
        expect(text($(el, '#email-error'))).to.equal(fr ? 'Indiquez une adresse e-mail de la forme nom@exemple.fr.' : 'Enter an e-mail address like name@example.org.');
        expect(text($(el, '#phone-error'))).to.contain(fr ? 'numéro de téléphone' : 'phone number');
        expect(text($(el, '#consent-contact-error'))).to.contain(fr ? 'Cochez cette case' : 'Tick this box');
        expect($(el, '[name=email]')!.getAttribute('aria-describedby')).to.equal('email-error');
        expect($(el, '[name=email]')!.getAttribute('aria-invalid')).to.equal('true');
        // No consent box is ever ticked for the visitor.
        expect($$<HTMLInputElement>(el, '[type=checkbox][name^=consent]').every((box) => !box.checked)).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });
  }

  it('signs a visitor up with the keyboard alone: stored once by the gateway, with the consent in the words they read', async () => {
    const wording = 'J’accepte d’être recontacté·e au sujet de cette mission.';
    const newsletter = 'Je souhaite recevoir la lettre de l’association.';
    const el = await fixture<VolunteerSignup>(
      html`<volunteer-signup src=${gateway} submit=${`${gateway}/signups`} consent-contact=${wording} consent-newsletter=${newsletter}></volunteer-signup>`
    );
    await listed(el);
    const before = (await stored()).length;
    const sign = $$<HTMLButtonElement>(el, '[part=list] button').find((b) => b.closest('li')?.textContent?.includes('collecte alimentaire'))!;
    sign.focus();
    await sendKeys({press: 'Enter'});
    await waitFor(() => el.shadowRoot!.activeElement?.matches('[part=form] :is(h2, h3)'), 'the form heading does not have the focus');
    expect(text(el.shadowRoot!.activeElement)).to.equal('Sign up: Participer a une collecte alimentaire');
    // The form was shown more than the gateway's minimum fill time ago, as a person takes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Camille Martin'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'camille@example.org'});
    // Phone (optional), then the seven days: Saturday.
    for (let i = 0; i < 7; i++) await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Space'});
    const consent = $<HTMLInputElement>(el, '[name=consent-contact]')!;
    while (el.shadowRoot!.activeElement !== consent) await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Space'});
    const detail = signupOf(el);
    while (el.shadowRoot!.activeElement !== $(el, '[part=form] button[type=submit]')) await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    const sent = await detail;
    expect(sent.status).to.equal('sent');
    expect(sent.missionId).to.equal('mission-lyon-002');
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '[part=status]'), 'the outcome does not have the focus');
    expect(text($(el, '[part=status]'))).to.equal('Thank you! Your signup was sent to the association, which will contact you.');
    const rows = await stored();
    expect(rows.length).to.equal(before + 1);
    const row = rows.at(-1)!;
    expect([row.name, row.mission_id]).to.deep.equal(['Camille Martin', 'mission-lyon-002']);
    expect(row.consents.map((c) => [c.purpose, c.wording])).to.deep.equal([['contact-about-signup', wording]], 'the newsletter box was left unticked');
    await expect(el).to.be.accessible();
  });

  it('what the gateway refuses (4xx) comes back to the form, in words, with nothing kept or lost', async () => {
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} submit=${`${gateway}/signups`} mission="mission-paris-001"></volunteer-signup>`);
    await waitFor(() => $(el, '[part=form]'), 'no form');
    const events: string[] = [];
    el.addEventListener('lien-signup', (e) => events.push((e as CustomEvent<SignupDetail>).detail.status));
    // Sent at once: faster than a person, refused by the gateway's time trap.
    fill(el, {name: 'Quick Robot', email: 'robot@example.org'});
    $<HTMLInputElement>(el, '[name=consent-contact]')!.checked = true;
    $<HTMLButtonElement>(el, '[part=form] button[type=submit]')!.click();
    await waitFor(() => text($(el, '[part=status][role=alert]')).startsWith('The form was sent very quickly'), 'the time trap is not said');
    // A name the gateway cannot store (a NUL character), sent later, as a person would: said on the field.
    await new Promise((resolve) => setTimeout(resolve, 400));
    fill(el, {name: 'Camille\u0000Martin'});
    $<HTMLButtonElement>(el, '[part=form] button[type=submit]')!.click();
    await waitFor(() => text($(el, '#name-error')) === 'Enter your name.', 'the refused field is not said');
    expect(text($(el, '[part=status]'))).to.equal('One answer needs to be corrected.');
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '[name=name]'), 'the focus is not on the refused field');
    expect($<HTMLInputElement>(el, '[name=email]')!.value, 'what was typed stays').to.equal('robot@example.org');
    expect(events).to.deep.equal([]);
    expect((await stored()).some((s) => s.name.startsWith('Quick Robot') || s.name.startsWith('Camille\u0000'))).to.equal(false);
  });

  it('opens one mission\'s signup at once with mission="…", and sends visitors to the mission\'s own page with application-url-only', async () => {
    const one = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} mission="mission-marseille-003"></volunteer-signup>`);
    await waitFor(() => $(one, '[part=form]'), 'no form for the mission');
    expect(text($(one, '[part=form] :is(h2, h3)'))).to.equal('Sign up: Sensibiliser a la protection du littoral');
    const links = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} application-url-only></volunteer-signup>`);
    await listed(links, 3);
    const apply = $$<HTMLAnchorElement>(links, '[part=list] a.apply').map((a) => a.href);
    expect(apply).to.include('https://example.org/missions/ateliers-numeriques');
    expect($(links, '[part=list] button')).to.equal(null);
  });
});

describe('<volunteer-signup> on other sources', () => {
  afterEach(() => {
    if ((Date as unknown as {real?: () => number}).real) Date.now = (Date as unknown as {real: () => number}).real;
  });
  /** The day the element believes it is, for sources whose missions carry real dates. */
  const today = (iso: string) => {
    const real = Date.now;
    Object.assign(Date, {real});
    Date.now = () => Date.parse(iso);
  };

  it('api-engagement: through the gateway\'s proxy, which holds the key; missions that have ended are not shown', async () => {
    today('2026-08-01T12:00:00Z');
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup source="api-engagement" src=${gateway}></volunteer-signup>`);
    // API Engagement's mock list: Lyon ended on 5 July.
    expect(await listed(el, 2)).to.have.members(['Animer des ateliers numeriques pour des seniors', 'Sensibiliser a la protection du littoral']);
  });

  it('volunteeringdata: the roles of a volunteeringdata.io document, filtered here', async () => {
    const src = '/packages/open-data/test/fixtures/volunteeringdata/publishing.example-1.organisations-graph.jsonld';
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup source="volunteeringdata" src=${src}></volunteer-signup>`);
    expect(await listed(el, 2)).to.deep.equal(['Outreach Volunteer', 'Shop Floor Volunteer']);
    el.q = 'shop';
    expect(await listed(el, 1)).to.deep.equal(['Shop Floor Volunteer']);
    await expect(el).to.be.accessible();
  });

  it('json: a list in API Engagement\'s shape; HTML descriptions sanitized, hostile text kept as text', async () => {
    today('2026-08-01T12:00:00Z');
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup source="json" src="/packages/open-data/test/fixtures/api-engagement/mockoon.v0-mission-list-response.json"></volunteer-signup>`);
    await listed(el, 2);
    await waitFor(() => $(el, '.description p'), 'the HTML description is not shown');
    expect($(el, '.description script, .description [onerror]')).to.equal(null);
  });

  it('dataSource: any other API, given as an object; its missions filtered here, ended ones left out', async () => {
    const body = await (await fetch('/packages/open-data/test/fixtures/api-engagement/v0-mission-list.assembled.json')).json();
    const {readMissions} = await import('@lien/open-data/api-engagement.js');
    const asked: unknown[] = [];
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup></volunteer-signup>`);
    today('2024-01-20T12:00:00Z');
    el.dataSource = {load: async (query) => (asked.push(query), readMissions(body))};
    // In January 2024, "Mission in Paris" runs until 10 February; the other two were posted for 2026.
    expect(await listed(el, 3)).to.have.members(['Mission in Paris', 'Mission in Lyon', 'Another mission in Paris']);
    el.q = 'lyon';
    expect(await listed(el, 1)).to.deep.equal(['Mission in Lyon']);
    expect(asked.at(-1)).to.deep.include({q: 'lyon'});
    today('2024-03-01T12:00:00Z');
    el.q = undefined;
    expect(await listed(el, 2)).to.have.members(['Mission in Lyon', 'Another mission in Paris']);
  });

  it('a wrong setting or a failing source is said in words, and told to the page', async () => {
    const errors: Event[] = [];
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup source="nowhere" src="/x" @lien-error=${(e: Event) => errors.push(e)}></volunteer-signup>`);
    await waitFor(() => text($(el, '.list-status')).includes('"source"'), 'not said');
    const down = await fixture<VolunteerSignup>(html`<volunteer-signup src="http://127.0.0.1:9/v1"></volunteer-signup>`);
    await waitFor(() => $(down, '.list-status [role=alert]'), 'a gateway that is down is not said', {timeout: 10_000});
    expect(errors.length).to.be.greaterThan(0);
    await expect(down).to.be.accessible();
  });
});
