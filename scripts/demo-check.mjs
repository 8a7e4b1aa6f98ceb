// The demo page as a person sees it, in Chromium: loads dist/site on loopback, fails on any page error,
// console error, failed same-origin request or axe violation, checks the elements render and follow the
// language switch, and writes screenshots to dist/screenshots/ (desktop and phone).
import {mkdirSync, readFileSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromeArgs, findChrome} from './find-chrome.mjs';
import {startDemoServer} from './demo-server.mjs';

const problems = [];
const server = await startDemoServer();
const origin = server.origin;
const browser = await chromium.launch({executablePath: findChrome(), args: chromeArgs});
mkdirSync('dist/screenshots', {recursive: true});

try {
  for (const [name, viewport] of [['desktop', {width: 1280, height: 900}], ['phone', {width: 390, height: 844}]]) {
    const page = await browser.newPage({viewport});
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

    await page.goto(`${origin}/`, {waitUntil: 'networkidle'});
    await page.waitForFunction(() => customElements.get('lien-theme-preview') !== undefined);
    const previewText = () =>
      page.evaluate(() => document.querySelector('lien-theme-preview')?.shadowRoot?.textContent ?? '');
    if (!(await previewText()).includes('Chargement')) problems.push(`${name}: the theme preview is not in French`);
    for (const check of server.checks ?? []) await check(page, name, problems);

    await page.addScriptTag({content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8')});
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
console.log('Demo check: 2 viewports, no page error, no axe violation; screenshots in dist/screenshots/.');
