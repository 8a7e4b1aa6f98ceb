// The demo as `npm start` serves it — the assembled site (dist/site) and the gateway's API with its
// sample data on one loopback port — for the demo check, in a database that lives in memory.
import {startGateway} from '../packages/gateway/dist/index.js';

export async function startDemoServer() {
  const gateway = await startGateway({port: 0, staticDir: 'dist/site', dataDir: 'memory://', logLevel: 'warn'});
  return {
    origin: gateway.url,
    close: () => gateway.close(),
    // What a visitor must see on the demo page, checked in each viewport.
    checks: [mapShowsPlaces, signupWorks, signsShown],
  };
}

/** The map section lists the sample places and draws markers or clusters for them. */
async function mapShowsPlaces(page, name, problems) {
  const counts = () =>
    page.evaluate(() => {
      const root = document.querySelector('access-map')?.shadowRoot;
      return {
        listed: root?.querySelectorAll('[part~=list] li').length ?? 0,
        drawn: root?.querySelectorAll('.leaflet-marker-icon').length ?? 0,
      };
    });
  await page.locator('access-map').scrollIntoViewIfNeeded();
  await page
    .waitForFunction(() => {
      const root = document.querySelector('access-map')?.shadowRoot;
      return root && root.querySelectorAll('[part~=list] li').length > 0 && root.querySelectorAll('.leaflet-marker-icon').length > 0;
    }, null, {timeout: 15_000})
    .catch(() => {});
  const {listed, drawn} = await counts();
  if (!listed) problems.push(`${name}: the map's list shows no place`);
  if (!drawn) problems.push(`${name}: the map draws no marker or cluster`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** On the desktop run, a visitor signs up to a mission on the page, and the embedded gateway stores it. */
async function signupWorks(page, name, problems) {
  const element = page.locator('volunteer-signup');
  await element.scrollIntoViewIfNeeded();
  const listed = await page
    .waitForFunction(() => (document.querySelector('volunteer-signup')?.shadowRoot?.querySelectorAll('[part=list] li').length ?? 0) > 0, null, {timeout: 15_000})
    .then(() => true, () => false);
  if (!listed) return void problems.push(`${name}: the volunteer missions are not listed`);
  if (name !== 'desktop') return;
  await element.locator('[part=list] button').first().click();
  await element.locator('[name=name]').fill('Camille Martin');
  await element.locator('[name=email]').fill('camille@example.org');
  await element.locator('[name=consent-contact]').check();
  // As a person takes, longer than the gateway's minimum fill time.
  await page.waitForTimeout(3200);
  await element.locator('[part=form] button[type=submit]').click();
  const sent = await page
    .waitForFunction(() => /Merci|Thank you/.test(document.querySelector('volunteer-signup')?.shadowRoot?.querySelector('[part=status]')?.textContent ?? ''), null, {timeout: 10_000})
    .then(() => true, () => false);
  if (!sent) problems.push(`${name}: the signup was not sent`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The sign entries show the gateway's sample Lingua Libre records, with their credits. */
async function signsShown(page, name, problems) {
  const shown = await page
    .waitForFunction(
      () => [...document.querySelectorAll('sign-dictionary-entry')].every((e) => e.shadowRoot?.querySelector('video') && /Lingua Libre/.test(e.shadowRoot.querySelector('[part=credits]')?.textContent ?? '')),
      null,
      {timeout: 15_000}
    )
    .then(() => true, () => false);
  if (!shown) problems.push(`${name}: the sign entries show no video with its credits`);
}
