// `npm run test:wordpress`: the plugin (dist/wordpress/lien, built by `npm run build:wordpress`) in a real WordPress
// on loopback (scripts/ensure-wordpress.sh), driven in Chromium as its users do: an administrator activates it and
// themes it; an author, who may not write raw tags, places every element by shortcode and by block; a visitor sees
// them load their data from loopback sources (the real gateway, a Liberapay answer from Liberapay's own tests), in
// the association's colour, with one copy of Lit.
import {execFileSync} from 'node:child_process';
import {createHmac} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {chromium} from 'playwright-core';
import {chromeArgs, findChrome} from './find-chrome.mjs';
import {ACCESLIBRE_KEY, ENGAGEMENT_KEY, proxyContract, proxyUpstream} from '@lien/testing/contract/proxies.mjs';
import {parseCsv, signupContract} from '@lien/testing/contract/signups.mjs';
import {donationContract, HELLOASSO_CLIENT_ID, HELLOASSO_NOTIFICATION_KEY, HELLOASSO_SECRET, helloassoUpstream, ORGANIZATION} from '@lien/testing/contract/donations.mjs';
import {loopbackGateway} from './test-gateway.mjs';

const root = new URL('..', import.meta.url).pathname;
const pluginDir = join(root, 'dist/wordpress/lien');
const screenshots = join(root, 'dist/screenshots');
const THEME_COLOUR = '#8a2be2';
const WEBHOOK_SECRET = 'webhook-secret-for-the-tests';
const TAGS = ['access-map', 'donate-button', 'volunteer-signup', 'sign-dictionary-entry'];

// The plugin from the CDN build at hand (`npm test` has just made it), or from scratch.
if (existsSync(join(root, 'dist/cdn/core.js')) && existsSync(join(root, 'custom-elements.json'))) execFileSync('node', [join(root, 'scripts/build-wordpress.mjs')], {stdio: 'inherit'});
else execFileSync('npm', ['run', 'build:wordpress'], {cwd: root, stdio: 'inherit'});

/** `export NAME=value` lines, as the set-up scripts print them. */
const exportsOf = (text) => Object.fromEntries([...text.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
const wp = exportsOf(
  execFileSync('bash', [join(root, 'scripts/ensure-wordpress.sh')], {env: {...process.env, LIEN_WP_PLUGIN_DIR: pluginDir}, stdio: ['ignore', 'pipe', 'inherit']}).toString()
);
const site = wp.LIEN_WP_URL;
/** The signups and proxy requests a client may send a minute, set for the contract suites (which need 20 to 30). */
const SIGNUP_RATE_LIMIT = 40;
const PROXY_RATE_LIMIT = 30;
/** Acceslibre, API Engagement and Lingua Libre, faked on loopback for the plugin's proxies. */
const upstream = await proxyUpstream();
/** HelloAsso, faked on loopback for the plugin's checkouts. */
const helloasso = await helloassoUpstream();
writeFileSync(
  join(wp.LIEN_WP_ROOT, 'wp-content/mu-plugins/lien-test-settings.php'),
  `<?php
add_filter( 'lien_signup_rate_limit', static fn() => ${SIGNUP_RATE_LIMIT} );
add_filter( 'lien_proxy_rate_limit', static fn() => ${PROXY_RATE_LIMIT} );
add_filter( 'lien_acceslibre_api_url', static fn() => '${upstream.acceslibreUrl}' );
add_filter( 'lien_api_engagement_api_url', static fn() => '${upstream.apiEngagementUrl}' );
add_filter( 'lien_lingualibre_sparql_url', static fn() => '${upstream.sparqlUrl}' );
add_filter( 'lien_helloasso_api_url', static fn() => '${helloasso.url}' );
add_filter( 'lien_helloasso_amount_bounds', static fn() => array( 100, 100000 ) );
add_filter( 'lien_helloasso_checkouts_per_minute', static fn() => 1000 );
add_filter( 'lien_helloasso_lookups_per_minute', static fn() => 1000 );
// The webhook receiver of the tests is on loopback, which WordPress's safe requests refuse otherwise.
add_filter( 'http_request_host_is_external', static fn( $external, $host ) => $external || '127.0.0.1' === $host, 10, 2 );
add_filter( 'http_allowed_safe_ports', static fn( $ports ) => array_merge( $ports, array( ${new URL(upstream.url).port} ) ) );
`
);
/** The plugin's API, as the contract suites reach it; its users' application passwords are made below. */
const wpApi = {name: 'the WordPress plugin', v1: `${site}/wp-json/lien/v1`, admin: {}, user: {}, rateLimit: SIGNUP_RATE_LIMIT, proxyRateLimit: PROXY_RATE_LIMIT, page: `${site}/merci/`};

/**
 * Liberapay's `public.json` as Liberapay's own tests give it (packages/donate-button/test/fixtures/goals): alice's
 * income with the goal of the test that sets one, as the element's own tests compose them.
 */
const liberapayCases = JSON.parse(readFileSync(join(root, 'packages/donate-button/test/fixtures/goals/liberapay-public.cases.json'), 'utf8'));
const liberapay = createServer((req, res) => {
  res.writeHead(200, {'content-type': 'application/json', 'access-control-allow-origin': '*'});
  res.end(JSON.stringify({...liberapayCases['test_giving_and_receiving: GET /alice/public.json'], ...liberapayCases['test_goal_is_a_dict_if_set']}));
});
await new Promise((resolve) => liberapay.listen(0, '127.0.0.1', resolve));
const liberapayUrl = `http://127.0.0.1:${liberapay.address().port}/alice/public.json`;

const {gateway} = await loopbackGateway({allowedOrigins: [site]});
const gatewayV1 = `${gateway.url}/v1`;

let browser;
before(async () => {
  browser = await chromium.launch({executablePath: findChrome(), args: chromeArgs});
});
after(async () => {
  await browser?.close();
  liberapay.close();
  await upstream.close();
  await helloasso.close();
  await gateway.close();
  if (process.env.LIEN_WP_KEEP) return console.log(`WordPress left running at ${site}`);
  try {
    process.kill(-Number(wp.LIEN_WP_PID));
  } catch {
    // Already stopped.
  }
});

/** A logged-in page for `user`; requests that leave loopback (gravatar, fonts) are refused on the spot. */
async function loggedIn(user, password) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  await context.route(
    (url) => !/^http:\/\/127\.0\.0\.1[:/]/.test(url.href),
    (route) => route.abort()
  );
  const page = await context.newPage();
  // What the page said, for the failures to show.
  page.said = [];
  page.on('console', (message) => message.type() === 'error' && page.said.push(message.text()));
  page.on('pageerror', (error) => page.said.push(error.message));
  page.on('response', (response) => response.status() >= 400 && page.said.push(`${response.status()} ${response.url()}`));
  if (user) {
    await page.goto(`${site}/wp-login.php`);
    await page.fill('#user_login', user);
    await page.fill('#user_pass', password);
    // The login is done when WordPress sends the browser on to the dashboard; its widgets need not have loaded.
    await Promise.all([page.waitForURL(/\/wp-admin\//, {waitUntil: 'commit'}), page.click('#wp-submit')]);
  }
  return page;
}

/** Runs WordPress's REST API from a logged-in editor page (its nonce), as the block editor itself does. */
async function restAs(page, path, options = {}) {
  if (!page.url().includes('/wp-admin/post-new.php')) await page.goto(`${site}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.apiFetch);
  return page.evaluate(([path, options]) => window.wp.apiFetch({path, ...options}), [path, options]);
}

const element = (page, tag, index = 0) => page.locator(tag).nth(index);

/** Runs PHP inside the site (WordPress loaded, as a request would), and answers what it prints. */
const wpPhp = (code) =>
  execFileSync('php', ['-r', `define('WP_USE_THEMES', false); require 'wp-load.php'; ${code}`], {cwd: wp.LIEN_WP_ROOT, stdio: ['ignore', 'pipe', 'inherit']}).toString();

/** The id of the gateway's first sample mission. */
async function firstMission() {
  const [mission] = (await (await fetch(`${gatewayV1}/missions?limit=1`)).json()).data;
  return mission._id ?? mission.id;
}

/** Polls `check` until it holds, or fails with `message`. */
async function waitUntil(check, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A visitor fills <volunteer-signup>'s form on `url` as a person does (after the minimum fill time), and sends it. */
async function signUp(page, url, name, beforeSending = async () => {}) {
  await page.goto(url);
  const form = page.locator('volunteer-signup [part=form]');
  await form.waitFor({timeout: 20_000});
  await form.locator('#name').fill(name);
  await form.locator('#email').fill(`${name.replace(/\W+/g, '.').toLowerCase()}@example.org`);
  await form.locator('input[name=consent-contact]').check();
  await page.waitForTimeout(3200);
  await beforeSending();
  await form.locator('button[type=submit]').click();
}

describe('the plugin in a real WordPress', () => {
  let admin;
  let author;
  let postUrl;
  before(async () => {
    author = await loggedIn(wp.LIEN_WP_AUTHOR_USER, wp.LIEN_WP_AUTHOR_PASSWORD);
  });

  /** An application password for the page's user: the REST API's own authentication, for scripts. */
  async function basicAuth(page, user) {
    const {password} = await restAs(page, '/wp/v2/users/me/application-passwords', {method: 'POST', data: {name: `lien-tests-${Date.now()}`}});
    return {authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`};
  }

  /** The signups stored under a name, from the administrators' CSV. */
  async function storedNamed(name) {
    const response = await fetch(`${wpApi.v1}/signups.csv`, {headers: wpApi.admin});
    assert.equal(response.status, 200);
    return parseCsv(await response.text()).filter((row) => row.name === name);
  }

  it('passes php -l and PHP_CodeSniffer', () => {
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.php')) files.push(join(dir, entry.name));
      }
    };
    walk(join(root, 'packages/wordpress'));
    for (const file of files) execFileSync('php', ['-l', file], {stdio: 'pipe'});
    execFileSync('phpcs', ['--standard=phpcs.xml'], {cwd: join(root, 'packages/wordpress'), stdio: 'pipe'});
  });

  it('is activated by the administrator, who sets the theme colour and the gateway on the settings page', async () => {
    admin = await loggedIn(wp.LIEN_WP_ADMIN_USER, wp.LIEN_WP_ADMIN_PASSWORD);
    await admin.goto(`${site}/wp-admin/plugins.php`);
    await admin.locator('tr[data-slug="lien"] .activate a').click();
    await admin.locator('tr[data-slug="lien"] .deactivate a').waitFor();
    await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
    await admin.getByLabel('Primary colour').fill(THEME_COLOUR);
    await admin.getByLabel('Lien gateway address').fill(gatewayV1);
    await admin.locator('#submit').click();
    await admin.getByText('Settings saved.').waitFor();
    assert.equal(await admin.getByLabel('Primary colour').inputValue(), THEME_COLOUR);
    assert.equal(await admin.getByLabel('Lien gateway address').inputValue(), gatewayV1);
    // A value that is not a length is refused, and said; the others are kept.
    await admin.getByLabel('Corner radius').fill('2px; } body { display: none');
    await admin.locator('#submit').click();
    await admin.getByText('“Corner radius” was not saved: its value is not valid.').waitFor();
    assert.equal(await admin.getByLabel('Corner radius').inputValue(), '');
    assert.equal(await admin.getByLabel('Primary colour').inputValue(), THEME_COLOUR);
  });

  it('refuses a settings save without a nonce, and one from an author', async () => {
    const form = {option_page: 'lien', action: 'update', 'lien_settings[primary_color]': '#000000'};
    const withoutNonce = await admin.request.post(`${site}/wp-admin/options.php`, {form, maxRedirects: 0});
    assert.equal(withoutNonce.status(), 403);
    const settingsPage = await author.request.get(`${site}/wp-admin/options-general.php?page=lien`);
    assert.equal(settingsPage.status(), 403);
    await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
    assert.equal(await admin.getByLabel('Primary colour').inputValue(), THEME_COLOUR);
  });

  it('speaks French on its settings page to a French-speaking administrator', async () => {
    // The site has French installed (WordPress offers a user only the languages it has).
    mkdirSync(join(wp.LIEN_WP_ROOT, 'wp-content/languages'), {recursive: true});
    writeFileSync(join(wp.LIEN_WP_ROOT, 'wp-content/languages/fr_FR.l10n.php'), "<?php return array('messages' => array());\n");
    await restAs(admin, '/wp/v2/users/me', {method: 'POST', data: {locale: 'fr_FR'}});
    try {
      await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
      await admin.getByRole('heading', {name: 'Thème'}).waitFor();
      await admin.getByLabel('Couleur principale').waitFor();
      await admin.getByText('Adresse de la passerelle Lien').waitFor();
      await admin.getByRole('heading', {name: 'Clés des services de données ouvertes'}).waitFor();
      await admin.goto(`${site}/wp-admin/admin.php?page=lien-signups`);
      await admin.getByRole('heading', {name: 'Inscriptions bénévoles'}).waitFor();
      await admin.getByText('0 inscription.').waitFor();
    } finally {
      await restAs(admin, '/wp/v2/users/me', {method: 'POST', data: {locale: 'en_US'}});
    }
  });

  it('lets an author place every element, by shortcode and by block, and a visitor sees each load its data, themed, with one Lit', async () => {
    const blocks = [
      `<!-- wp:lien/donate-button {"provider":"liberapay","account":"alice","goal-source":"liberapay","goal-src":"${liberapayUrl}","inline":true} /-->`,
      `<!-- wp:lien/access-map {"source":"lien","center":"52.6297,1.2966","zoom":14,"heading-level":3} /-->`,
      `<!-- wp:lien/volunteer-signup {"source":"lien"} /-->`,
      `<!-- wp:lien/sign-dictionary-entry {"word":"accueil"} /-->`,
    ];
    const shortcodes = [
      `[lien_access_map source="lien" center="52.6297,1.2966" zoom="14" view="list" heading_level="3"]`,
      `[lien_donate_button provider="liberapay" account="alice" amounts="5,10,20"]`,
      `[lien_volunteer_signup source="lien"]`,
      `[lien_sign_entry word="accueil" loop]`,
    ];
    const post = await restAs(author, '/wp/v2/posts', {
      method: 'POST',
      data: {title: 'Nos outils', status: 'publish', content: [...blocks, ...shortcodes.map((s) => `<!-- wp:shortcode -->\n${s}\n<!-- /wp:shortcode -->`)].join('\n\n')},
    });
    postUrl = post.link;
    assert.equal(post.author, (await restAs(author, '/wp/v2/users/me')).id);

    const visitor = await loggedIn();
    const requests = [];
    visitor.on('request', (request) => requests.push(request.url()));
    await visitor.goto(postUrl);
    for (const tag of TAGS) assert.equal(await visitor.locator(tag).count(), 2, `two <${tag}>, a block's and a shortcode's`);
    // Each element loaded its data from the loopback sources.
    console.log(visitor.said.join('\n'));
    await element(visitor, 'access-map').locator('[part=list] li').first().waitFor({timeout: 20_000});
    await element(visitor, 'access-map', 1).locator('[part=list] li').first().waitFor();
    await element(visitor, 'volunteer-signup').locator('[part=list] li').first().waitFor({timeout: 20_000});
    await element(visitor, 'sign-dictionary-entry').locator('video[part=video]').waitFor({timeout: 20_000});
    await element(visitor, 'sign-dictionary-entry').locator('[part=credits]').getByText('Lingua Libre').waitFor();
    await element(visitor, 'donate-button').locator('[part=progress]').waitFor({timeout: 20_000});
    assert.ok(requests.some((url) => url.startsWith(`${gatewayV1}/places`)), 'places from the gateway');
    assert.ok(requests.some((url) => url.startsWith(`${gatewayV1}/missions`)), 'missions from the gateway');
    assert.ok(requests.some((url) => url.startsWith(`${gatewayV1}/signs`)), 'signs from the gateway');
    assert.ok(requests.includes(liberapayUrl), "the goal from Liberapay's answer");
    // Every script came from the plugin, none from a CDN.
    const scripts = requests.filter((url) => /\.m?js(\?|$)/.test(url));
    assert.deepEqual(scripts.filter((url) => !url.startsWith(site)), []);
    // The theme colour reached the elements, through their shadow roots.
    for (const tag of TAGS) {
      const token = await element(visitor, tag).evaluate((el) => getComputedStyle(el).getPropertyValue('--lien-color-primary').trim());
      assert.equal(token, THEME_COLOUR, `<${tag}> gets the theme colour`);
    }
    const donate = await element(visitor, 'donate-button', 1).locator('[part=donate]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(donate, 'rgb(138, 43, 226)');
    // One copy of Lit for the four elements.
    const lit = await visitor.evaluate(() => ({element: window.litElementVersions?.length, html: window.litHtmlVersions?.length}));
    assert.deepEqual(lit, {element: 1, html: 1});
    // The donate button and the map of the blocks, as a visitor sees them.
    mkdirSync(screenshots, {recursive: true});
    await element(visitor, 'access-map').locator('.leaflet-marker-icon, .leaflet-marker-pane > *').first().waitFor();
    const top = (await element(visitor, 'donate-button').boundingBox()).y - 100;
    const map = await element(visitor, 'access-map').locator('[part=map]').boundingBox();
    await visitor.screenshot({path: join(screenshots, 'wordpress-post.png'), fullPage: true, clip: {x: 0, y: top, width: 1280, height: map.y + map.height + 60 - top}});
    await visitor.context().close();
  });

  it('prints a hostile shortcode or block attribute as inert text, and drops attributes the element does not have', async () => {
    const hostile = `x" autofocus onfocus="window.__pwned=1`;
    const content = [
      `[lien_sign_entry word='${hostile}' onmouseover="window.__pwned=2" src="javascript:window.__pwned=3" licence-url="java	script:window.__pwned=6"]`,
      // WordPress's own filter takes the tags out of a block attribute's value for an author; quotes are left to us.
      `<!-- wp:lien/sign-dictionary-entry {"word":"\\u0022 autofocus onfocus=\\u0022window.__pwned=4","onclick":"window.__pwned=5"} /-->`,
    ].join('\n\n');
    const post = await restAs(author, '/wp/v2/posts', {method: 'POST', data: {title: 'Hostile', status: 'publish', content}});
    const visitor = await loggedIn();
    await visitor.goto(post.link);
    const entries = visitor.locator('sign-dictionary-entry');
    assert.equal(await entries.count(), 2);
    // Not an http(s) address: left out, whatever the author wrote.
    assert.deepEqual(await entries.nth(0).evaluate((el) => el.getAttributeNames().sort()), ['word']);
    assert.equal(await entries.nth(0).evaluate((el) => el.word), hostile);
    assert.deepEqual(await entries.nth(1).evaluate((el) => el.getAttributeNames().sort()), ['class', 'src', 'word']);
    assert.equal(await entries.nth(1).evaluate((el) => el.word), '" autofocus onfocus="window.__pwned=4');
    await entries.nth(0).focus();
    await visitor.waitForTimeout(300);
    assert.equal(await visitor.evaluate(() => window.__pwned), undefined);
    assert.equal(await visitor.locator('script:not([src]):not([type=importmap]):not([type="application/json"])').evaluateAll((s) => s.filter((x) => x.textContent.includes('__pwned')).length), 0);
    await visitor.context().close();
  });

  it('in the block editor, an author inserts a block, sets its word in the sidebar, sees the preview, and publishes it', async () => {
    await author.goto(`${site}/wp-admin/post-new.php`);
    const canvas = author.frameLocator('iframe[name="editor-canvas"]');
    await canvas.locator('.block-editor-block-list__layout').first().waitFor({timeout: 30_000});
    const guide = author.locator('.components-modal__frame button[aria-label="Close"]');
    if (await guide.isVisible().catch(() => false)) await guide.click();
    await canvas.locator('.editor-post-title__input, [aria-label="Add title"]').first().fill('Un mot en LSF');
    // The inserter, searched as an author does.
    await author.getByRole('button', {name: /Block Inserter|Toggle block inserter/}).first().click();
    await author.getByPlaceholder('Search').fill('Sign dictionary entry');
    await author.getByRole('option', {name: 'Sign dictionary entry'}).click();
    const word = author.getByLabel('word', {exact: true});
    await word.fill('accueil');
    // The preview is the element itself, its module loaded into the editor's canvas.
    await canvas.locator('sign-dictionary-entry[word="accueil"]').locator('video[part=video]').waitFor({timeout: 20_000});
    await author.getByRole('button', {name: 'Publish', exact: true}).click();
    await author.locator('.editor-post-publish-panel').getByRole('button', {name: 'Publish', exact: true}).click();
    await author.locator('.post-publish-panel__postpublish').waitFor({timeout: 15_000});
    const link = await author.evaluate(() => window.wp.data.select('core/editor').getPermalink());
    const visitor = await loggedIn();
    await visitor.goto(link);
    await visitor.locator('sign-dictionary-entry[word="accueil"]').locator('[part=credits]').getByText('Lingua Libre').waitFor({timeout: 20_000});
    await visitor.context().close();
  });

  it('loads no Lien module on a page without an element, and the elements speak the language the settings give', async () => {
    const plain = await restAs(author, '/wp/v2/posts', {method: 'POST', data: {title: 'Sans élément', status: 'publish', content: '<!-- wp:paragraph --><p>Bonjour.</p><!-- /wp:paragraph -->'}});
    const visitor = await loggedIn();
    const requests = [];
    visitor.on('request', (request) => requests.push(request.url()));
    await visitor.goto(plain.link);
    assert.deepEqual(requests.filter((url) => url.includes('/plugins/lien/')), []);
    // WordPress's own modules may have an import map; none of Lien's is in it.
    const maps = await visitor.locator('script[type=importmap]').allTextContents();
    assert.ok(!maps.some((map) => map.includes('@lien/')), maps.join('\n'));
    // The page is in English (<html lang="en-US">); the settings ask for French.
    await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
    await admin.getByLabel('Language of the elements').selectOption('fr');
    await admin.locator('#submit').click();
    await admin.getByText('Settings saved.').waitFor();
    const entry = await restAs(author, '/wp/v2/posts', {method: 'POST', data: {title: 'LSF', status: 'publish', content: '[lien_sign_entry word="mot-inconnu"]'}});
    await visitor.goto(entry.link);
    assert.match(await visitor.locator('html').getAttribute('lang'), /^en/);
    await visitor.locator('sign-dictionary-entry').getByText('Aucun signe n’est encore enregistré pour ce mot').waitFor({timeout: 20_000});
    await visitor.context().close();
  });

  it('serves the signups itself: a visitor signs up, and the association finds it on the Signups screen and in its mail', async () => {
    wpApi.admin = await basicAuth(admin, wp.LIEN_WP_ADMIN_USER);
    wpApi.user = await basicAuth(author, wp.LIEN_WP_AUTHOR_USER);
    // No external gateway: the elements send signups to the site's own API.
    await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
    await admin.getByLabel('Lien gateway address').fill('');
    await admin.getByLabel('Signups are also sent to (webhook)').fill(`${upstream.url}/webhook`);
    await admin.getByLabel('Webhook secret').fill(WEBHOOK_SECRET);
    await admin.locator('#submit').click();
    await admin.getByText('Settings saved.').waitFor();
    const post = await restAs(author, '/wp/v2/posts', {method: 'POST', data: {title: 'Bénévolat', status: 'publish', content: `[lien_volunteer_signup source="lien" src="${gatewayV1}" mission="${await firstMission()}"]`}});

    const visitor = await loggedIn();
    const name = `Camille WordPress ${Date.now()}`;
    await signUp(visitor, post.link, name);
    await waitUntil(async () => (await storedNamed(name)).length === 1, 'the signup was not stored by WordPress');
    // On the Signups screen, with the consent's words and time.
    await admin.goto(`${site}/wp-admin/admin.php?page=lien-signups`);
    await admin.getByRole('link', {name}).click();
    await admin.locator('.lien-consents li').first().waitFor();
    assert.match(await admin.locator('.lien-consents li').first().textContent(), /^contact.+, given \d{4}-\d{2}-\d{2}T.+Z:/);
    // In the mail WordPress sent the association.
    const mails = readdirSync(wp.LIEN_WP_MAIL_DIR).map((file) => readFileSync(join(wp.LIEN_WP_MAIL_DIR, file), 'utf8'));
    const mail = mails.find((m) => m.includes(name));
    assert.ok(mail, 'no mail for the signup');
    assert.match(mail, /^A volunteer has signed up\.$/m);
    // And by the webhook, signed.
    const hook = upstream.seen.find((r) => r.path === '/webhook' && r.body.includes(name));
    assert.ok(hook, 'no webhook call');
    assert.equal(hook.headers['x-lien-signature'], `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(hook.body).digest('hex')}`);
    const sent = JSON.parse(hook.body);
    assert.equal(sent.type, 'signup.created');
    assert.deepEqual([sent.signup.name, sent.signup.consents.length], [name, 1]);
    assert.match(mail, new RegExp(`^Reply-To: ${name.replace(/\W+/g, '.').toLowerCase()}@example\\.org`, 'm'));
    // Erased on request: gone from the screen and the export.
    await admin.getByRole('button', {name: 'Delete this signup (the person asked for it to be erased)'}).click();
    await admin.getByText('The signup was deleted.').waitFor();
    assert.equal(await admin.getByRole('link', {name}).count(), 0);
    assert.equal((await storedNamed(name)).length, 0);
    await visitor.context().close();
  });

  it('stores exactly one signup sent offline, after a reload once online', async () => {
    const page = await restAs(author, '/wp/v2/posts', {method: 'POST', data: {title: 'Bénévolat hors ligne', status: 'publish', content: `[lien_volunteer_signup source="lien" src="${gatewayV1}" mission="${await firstMission()}"]`}});
    const visitor = await loggedIn();
    const name = `Offline WordPress ${Date.now()}`;
    await signUp(visitor, page.link, name, async () => visitor.context().setOffline(true));
    await visitor.locator('volunteer-signup [part=status]').filter({hasText: /appareil|device/}).waitFor();
    assert.equal((await storedNamed(name)).length, 0);
    await visitor.context().setOffline(false);
    await visitor.reload();
    await waitUntil(async () => (await storedNamed(name)).length === 1, 'not sent after the reload');
    await visitor.waitForTimeout(2500);
    assert.equal((await storedNamed(name)).length, 1);
    await visitor.context().close();
  });

  it('keeps the open-data services\' keys write-only: saved, used, never printed again', async () => {
    await admin.goto(`${site}/wp-admin/options-general.php?page=lien`);
    await admin.getByLabel('Acceslibre API key').fill(ACCESLIBRE_KEY);
    await admin.getByLabel('API Engagement key').fill(ENGAGEMENT_KEY);
    await admin.getByLabel('HelloAsso association (slug)').fill(ORGANIZATION);
    await admin.getByLabel('HelloAsso client id').fill(HELLOASSO_CLIENT_ID);
    await admin.getByLabel('HelloAsso client secret').fill(HELLOASSO_SECRET);
    await admin.getByLabel('HelloAsso notification key').fill(HELLOASSO_NOTIFICATION_KEY);
    await admin.locator('#submit').click();
    await admin.getByText('Settings saved.').waitFor();
    const page = await admin.content();
    for (const secret of [ACCESLIBRE_KEY, ENGAGEMENT_KEY, HELLOASSO_SECRET, HELLOASSO_NOTIFICATION_KEY]) assert.ok(!page.includes(secret), 'a key is printed on the settings page');
    assert.equal(await admin.getByLabel('Acceslibre API key').getAttribute('placeholder'), 'Saved (hidden)');
    // Saving the page again without typing a key keeps it.
    await admin.locator('#submit').click();
    await admin.getByText('Settings saved.').waitFor();
    const answer = await fetch(`${wpApi.v1}/proxy/acceslibre/erps/?q=kept`);
    assert.equal(answer.status, 200);
    // The elements then reach those services through the site, which holds the keys.
    const post = await restAs(author, '/wp/v2/posts', {
      method: 'POST',
      data: {title: 'Par le site', status: 'publish', content: '[lien_access_map source="acceslibre" center="47.75,-3.37" zoom="15" view="list"]\n\n[lien_sign_entry source="lingualibre" word="lapin"]'},
    });
    const visitor = await loggedIn();
    const requests = [];
    visitor.on('request', (request) => requests.push(request.url()));
    await visitor.goto(post.link);
    assert.equal(await visitor.locator('access-map').getAttribute('src'), `${wpApi.v1}/proxy/acceslibre/erps/`);
    assert.equal(await visitor.locator('sign-dictionary-entry').getAttribute('src'), wpApi.v1);
    await visitor.locator('sign-dictionary-entry').getByText('Aucun signe n’est encore enregistré pour ce mot').waitFor({timeout: 20_000});
    await waitUntil(async () => requests.some((url) => url.startsWith(`${wpApi.v1}/proxy/acceslibre/erps/?`)), 'the map did not ask the site');
    assert.ok(requests.some((url) => url.startsWith(`${wpApi.v1}/proxy/lingualibre/records?`)));
    assert.ok(requests.every((url) => !url.includes('acceslibre.beta.gouv.fr') && !url.includes('lingualibre.org')));
    await waitUntil(async () => upstream.seen.some((r) => r.path === '/api/erps/' && r.headers.authorization === `Api-Key ${ACCESLIBRE_KEY}`), 'the key was not added');
    await visitor.context().close();
    upstream.seen.length = 0;
  });

  it('keeps the administrators\' screens and export from anyone else, and answers the routes it does not serve 404', async () => {
    for (const path of ['admin.php?page=lien-signups', 'admin-post.php?action=lien_signups_csv', 'options-general.php?page=lien']) {
      const response = await author.request.get(`${site}/wp-admin/${path}`, {maxRedirects: 0});
      assert.equal(response.status(), 403, path);
    }
    const erase = await author.request.post(`${site}/wp-admin/admin-post.php`, {form: {action: 'lien_delete_signup', signup: 'x'}, maxRedirects: 0});
    assert.equal(erase.status(), 403);
    for (const path of ['places?bbox=0,0,1,1', 'missions', 'signs?word=accueil']) {
      const response = await fetch(`${wpApi.v1}/${path}`);
      assert.equal(response.status, 404, path);
      assert.equal((await response.json()).error.code, 'not_found');
    }
  });

  it('upgrades its tables in place: a site on the first schema gets the checkouts table, and keeps its signups', async () => {
    const signups = wpPhp('echo lien_signups_count();');
    assert.ok(Number(signups) > 0);
    wpPhp("global $wpdb; $wpdb->query('DROP TABLE ' . lien_checkouts_table()); update_option('lien_db_version', '1');");
    assert.equal((await fetch(`${site}/`)).status, 200);
    assert.equal(wpPhp("echo get_option('lien_db_version');"), '2');
    assert.equal(wpPhp("global $wpdb; echo $wpdb->get_var('SELECT COUNT(*) FROM ' . lien_checkouts_table());"), '0');
    assert.equal(wpPhp('echo lien_signups_count();'), signups);
  });

  it('left nothing in the PHP error log', () => {
    const log = existsSync(wp.LIEN_WP_DEBUG_LOG) ? readFileSync(wp.LIEN_WP_DEBUG_LOG, 'utf8').trim() : '';
    assert.equal(log, '');
  });
});

// The gateway's signups contract, against the plugin: the same suite the Node gateway passes (last: it ends with the
// client held back by the rate limit).
signupContract(wpApi);
proxyContract(wpApi, upstream);
donationContract(wpApi, helloasso);

// Last: it deletes the plugin's data.
describe('deleting the plugin', () => {
  const uninstall = () =>
    wpPhp(
      "define('WP_UNINSTALL_PLUGIN', 'lien/lien.php'); include WP_PLUGIN_DIR . '/lien/uninstall.php'; global $wpdb; $wpdb->suppress_errors(true); " +
        "echo null === $wpdb->get_var('SELECT COUNT(*) FROM ' . $wpdb->prefix . 'lien_signups') ? 'gone' : 'kept';"
    );
  it('keeps the signups unless the administrator ticked the box that deletes them', () => {
    assert.equal(uninstall(), 'kept');
    wpPhp("update_option('lien_settings', array_merge(get_option('lien_settings'), array('delete_data_on_uninstall' => '1')));");
    assert.equal(uninstall(), 'gone');
    assert.equal(wpPhp("echo false === get_option('lien_settings') ? 'none' : 'left';"), 'none');
  });
});
