import {expect, fixture} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {html} from 'lit';
import {waitFor} from '@lien/testing';
import '../src/define.js';
import type {SignupDetail, VolunteerSignup} from '../src/volunteer-signup.js';

/**
 * Never lose, never double: the sequences of the issue, against the real gateway on loopback (mock-server.mjs). The
 * device going offline is the gateway made unreachable (Chrome's request blocking), then the browser's `online`
 * event when it is reachable again; a connection that fails is one in front of the gateway.
 */
const {gateway} = (await (await fetch('/mock/volunteer-signup/start')).json()) as {gateway: string};
const storedNamed = async (name: string) =>
  ((await (await fetch('/mock/volunteer-signup/signups')).json()) as {name: string; idempotency_key: string}[]).filter((s) => s.name === name);

const gatewayHost = new URL(gateway).host;
/** Cuts the device off the gateway (`true`), or brings it back and tells the page (`window`) it is online. */
async function offline(value: boolean, page: Window = window): Promise<void> {
  await executeServerCommand('block-urls', {patterns: value ? [`*${gatewayHost}*`] : []});
  if (!value) page.dispatchEvent(new Event('online'));
}
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills the open form as a visitor would (name, e-mail, the consent box) and presses "send". */
async function fillAndSend(el: VolunteerSignup, name: string): Promise<void> {
  const form = await waitFor(() => el.shadowRoot?.querySelector<HTMLFormElement>('[part=form]'), 'no form');
  form.querySelector<HTMLInputElement>('[name=name]')!.value = name;
  form.querySelector<HTMLInputElement>('[name=email]')!.value = 'dominique@example.org';
  form.querySelector<HTMLInputElement>('[name=consent-contact]')!.checked = true;
  // A person takes longer than the gateway's minimum fill time.
  await pause(400);
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const signupOf = (el: Element, status: SignupDetail['status']) =>
  new Promise<SignupDetail>((resolve) =>
    el.addEventListener('lien-signup', function listen(event) {
      const detail = (event as CustomEvent<SignupDetail>).detail;
      if (detail.status !== status) return;
      el.removeEventListener('lien-signup', listen);
      resolve(detail);
    })
  );

describe('<volunteer-signup> never loses nor doubles a signup', () => {
  afterEach(() => offline(false));

  it('offline → send → back online and reload: kept on the device, said so, then stored exactly once', async () => {
    const name = `Offline then reload ${Date.now()}`;
    const frame = document.createElement('iframe');
    frame.src = `/packages/volunteer-signup/test/signup-page.html?${new URLSearchParams({src: gateway, submit: `${gateway}/signups`})}`;
    document.body.append(frame);
    try {
      const el = await waitFor(() => frame.contentDocument?.querySelector<VolunteerSignup>('volunteer-signup')?.shadowRoot?.querySelector('[part=form]') && frame.contentDocument!.querySelector<VolunteerSignup>('volunteer-signup'), 'the page did not load');
      await offline(true);
      const queued = signupOf(el, 'queued');
      await fillAndSend(el, name);
      await queued;
      expect(text(el.shadowRoot!.querySelector('[part=status]'))).to.equal('Your signup is saved on this device: it will be sent when the connection is back. You can close this page.');
      expect((await storedNamed(name)).length).to.equal(0);
      await executeServerCommand('block-urls', {patterns: []});
      frame.contentWindow!.location.reload();
      await waitFor(async () => (await storedNamed(name)).length === 1, 'not sent after the reload', {timeout: 8000, interval: 200});
      // The page sent it on reload (and perhaps on the "online" event before it): the key made it one.
      await pause(2500);
      expect((await storedNamed(name)).length).to.equal(1);
    } finally {
      frame.remove();
    }
  });

  it('offline → send → back online, the page still open: sent by itself, and the page hears it', async () => {
    const name = `Offline then online ${Date.now()}`;
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} submit=${`${gateway}/signups`} mission="mission-paris-001"></volunteer-signup>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part=form]'), 'no form');
    await offline(true);
    const queued = signupOf(el, 'queued');
    await fillAndSend(el, name);
    const kept = await queued;
    await expect(el).to.be.accessible();
    const sent = signupOf(el, 'sent');
    await offline(false);
    const detail = await sent;
    expect(detail.id).to.not.equal(kept.id, 'the id the gateway gave');
    expect((await storedNamed(name)).length).to.equal(1);
    await waitFor(() => text(el.shadowRoot!.querySelector('[part=status]')).startsWith('Your signup saved on this device has been sent'), 'not said');
  });

  it('a 500, then success: stored once', async () => {
    const name = `Server error then success ${Date.now()}`;
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} submit="/mock/volunteer-signup/flaky/fail-once" mission="mission-paris-001"></volunteer-signup>`);
    const queued = signupOf(el, 'queued');
    const sent = signupOf(el, 'sent');
    await fillAndSend(el, name);
    await queued;
    await sent;
    await pause(500);
    const rows = await storedNamed(name);
    expect(rows.length).to.equal(1);
  });

  it('an answer lost after the gateway stored the signup, then the retry: stored once', async () => {
    const name = `Lost answer ${Date.now()}`;
    const el = await fixture<VolunteerSignup>(html`<volunteer-signup src=${gateway} submit="/mock/volunteer-signup/flaky/lose-answer" mission="mission-paris-001"></volunteer-signup>`);
    const queued = signupOf(el, 'queued');
    const sent = signupOf(el, 'sent');
    await fillAndSend(el, name);
    await queued;
    // Already stored once by the gateway, though the browser never heard it.
    expect((await storedNamed(name)).length).to.equal(1);
    await sent;
    await pause(500);
    expect((await storedNamed(name)).length).to.equal(1);
  });
});
