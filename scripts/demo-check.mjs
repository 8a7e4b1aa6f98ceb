// The demo page as a person sees it, in Chromium: loads dist/site on loopback, fails on any page error,
// console error, failed same-origin request or axe violation, checks the elements render, follow the
// language switch and the page's colour scheme, and writes screenshots to dist/screenshots/: the light page
// on desktop (system light) and on a phone with the system dark (it must stay light), and the page's dark
// variant (?theme=dark, `color-scheme: dark`) on desktop.
import {mkdirSync, readFileSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromeArgs, findChrome} from './find-chrome.mjs';
import {startDemoServer} from './demo-server.mjs';

const problems = [];
const server = await startDemoServer();
const origin = server.origin;
const browser = await chromium.launch({executablePath: findChrome(), args: chromeArgs});
mkdirSync('dist/screenshots', {recursive: true});

const runs = [
  {name: 'desktop', viewport: {width: 1280, height: 900}, path: '/', system: 'light', scheme: 'light'},
  {name: 'phone', viewport: {width: 390, height: 844}, path: '/', system: 'dark', scheme: 'light'},
  {name: 'dark-desktop', viewport: {width: 1280, height: 900}, path: '/?theme=dark', system: 'dark', scheme: 'dark'},
];

try {
  for (const {name, viewport, path, system, scheme} of runs) {
    const page = await browser.newPage({viewport, colorScheme: system});
    const external = new Set();
    // No request leaves the machine: anything not on loopback (map tiles) is answered empty and noted.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
      external.add(new URL(route.request().url()).host);
      return route.fulfill({status: 204, body: ''});
    });
    page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: console error: ${m.text()}`));
    page.on('requestfailed', (r) => problems.push(`${name}: request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => r.status() >= 400 && r.url().startsWith(origin) && problems.push(`${name}: HTTP ${r.status()} for ${r.url()}`));

    await page.goto(`${origin}${path}`, {waitUntil: 'networkidle'});
    await page.waitForFunction(() => customElements.get('lien-theme-preview') !== undefined);
    const previewText = () =>
      page.evaluate(() => document.querySelector('lien-theme-preview')?.shadowRoot?.textContent ?? '');
    if (!(await previewText()).includes('Chargement')) problems.push(`${name}: the theme preview is not in French`);
    for (const check of server.checks ?? []) await check(page, name, problems);
    await followsPageScheme(page, name, scheme, problems);

    // axe is evaluated by the browser's devtools protocol, which the page's Content-Security-Policy (no inline
    // script) does not apply to; a script tag would be refused, as the policy wants.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
    for (const v of violations) problems.push(`${name}: axe ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

    await page.screenshot({path: `dist/screenshots/demo-${name}.png`, fullPage: true});
    if (name === 'desktop') {
      await page.click('[data-lang=en]');
      await page.waitForFunction(
        () => document.querySelector('lien-theme-preview')?.shadowRoot?.textContent?.includes('Loading'),
        null,
        {timeout: 5000}
      ).catch(() => problems.push(`${name}: the elements did not follow <html lang> to English`));
      await page.screenshot({path: `dist/screenshots/demo-${name}-en.png`, fullPage: true});
    }
    if (external.size) console.log(`${name}: blocked requests to ${[...external].join(', ')} (no internet in checks)`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

if (problems.length) {
  console.error(`Demo check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Demo check: ${runs.length} runs (light page, light page on a dark system, dark page), no page error, no axe violation; screenshots in dist/screenshots/.`);

/**
 * The elements take the page's colour scheme, not the system's: light on the light page even when the system
 * is dark, dark on the dark variant; and the theme preview's muted text keeps 4.5:1 on its surface.
 */
async function followsPageScheme(page, name, scheme, problems) {
  const found = await page.evaluate(() => {
    const root = document.querySelector('lien-theme-preview')?.shadowRoot;
    const card = root?.querySelector('.card');
    const muted = root?.querySelector('.muted');
    if (!card || !muted) return undefined;
    const rgb = (value) => value.match(/[\d.]+/g).slice(0, 3).map(Number);
    const luminance = (value) => {
      const [r, g, b] = rgb(value).map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const surface = luminance(getComputedStyle(card).backgroundColor);
    const text = luminance(getComputedStyle(muted).color);
    return {surface, ratio: (Math.max(surface, text) + 0.05) / (Math.min(surface, text) + 0.05)};
  });
  if (!found) return problems.push(`${name}: the theme preview has no card or muted text`);
  if ((found.surface < 0.2 ? 'dark' : 'light') !== scheme) problems.push(`${name}: the elements are not ${scheme} like the page`);
  if (found.ratio < 4.5) problems.push(`${name}: muted text at ${found.ratio.toFixed(2)}:1 on the surface`);
}
