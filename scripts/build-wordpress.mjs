// `npm run build:wordpress`: the WordPress plugin, in dist/wordpress/lien and zipped as dist/lien-wordpress.zip.
// - packages/wordpress (PHP, the editor script, translations) copied as it is;
// - Lien's CDN build (dist/cdn, without source maps) in assets/cdn, so the plugin calls no CDN;
// - blocks/<tag>/block.json (attributes) and help.json (their descriptions), written from custom-elements.json, the
//   elements' own manifest: the plugin's list of each element's attributes is never written by hand.
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/wordpress/lien');
const zip = join(root, 'dist/lien-wordpress.zip');

/** Each block's title and description (translated by WordPress from the plugin's `lien` text domain). */
const BLOCKS = {
  'access-map': {title: 'Accessibility map', icon: 'location-alt', description: 'A map and an accessible list of public places with their accessibility.'},
  'donate-button': {title: 'Donate button', icon: 'heart', description: 'A donation form: amounts, monthly giving, the cost after tax reduction, a goal.'},
  'volunteer-signup': {title: 'Volunteer sign-up', icon: 'groups', description: 'Volunteering missions, and a sign-up form that never loses a submission.'},
  'sign-dictionary-entry': {title: 'Sign dictionary entry', icon: 'video-alt3', description: 'A word in sign language: its videos, with a player for learners, and its credits.'},
};

/** The element's attribute types as block attribute types. */
const blockType = (type = '') => (/^boolean\b/.test(type) ? 'boolean' : /^number\b/.test(type) ? 'number' : 'string');

for (const needed of ['dist/cdn/core.js', 'custom-elements.json']) {
  if (!existsSync(join(root, needed))) throw new Error(`${needed} is missing: run npm run build:cdn and npm run analyze first`);
}

rmSync(join(root, 'dist/wordpress'), {recursive: true, force: true});
mkdirSync(out, {recursive: true});
cpSync(join(root, 'packages/wordpress'), out, {recursive: true, filter: (path) => !/\/(test|node_modules)(\/|$)|phpcs\.xml$/.test(path)});
cpSync(join(root, 'dist/cdn'), join(out, 'assets/cdn'), {recursive: true, filter: (path) => !path.endsWith('.map')});

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    const block = BLOCKS[declaration.tagName];
    if (!block) continue;
    const attributes = {};
    const help = {};
    for (const attribute of declaration.attributes ?? []) {
      attributes[attribute.name] = {type: blockType(attribute.type?.text)};
      if (attribute.description) help[attribute.name] = attribute.description.replace(/\s+/g, ' ');
    }
    const dir = join(out, 'blocks', declaration.tagName);
    mkdirSync(dir, {recursive: true});
    const json = {
      $schema: 'https://schemas.wp.org/trunk/block.json',
      apiVersion: 3,
      name: `lien/${declaration.tagName}`,
      version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      title: block.title,
      category: 'widgets',
      icon: block.icon,
      description: block.description,
      keywords: ['lien'],
      textdomain: 'lien',
      attributes,
      supports: {html: false},
      editorScript: 'lien-blocks',
    };
    writeFileSync(join(dir, 'block.json'), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(join(dir, 'help.json'), `${JSON.stringify(help, null, 2)}\n`);
  }
}
const missing = Object.keys(BLOCKS).filter((tag) => !existsSync(join(out, 'blocks', tag, 'block.json')));
if (missing.length) throw new Error(`No manifest entry for ${missing.join(', ')}`);

rmSync(zip, {force: true});
// Python's zipfile is on every machine that builds Lien (node-gyp needs Python).
execFileSync('python3', ['-m', 'zipfile', '-c', zip, 'lien'], {cwd: join(root, 'dist/wordpress')});
console.log(`dist/lien-wordpress.zip: ${readdirSync(join(out, 'blocks')).length} blocks, the CDN build and the plugin`);
