// Writes the generated sources every build, test and story needs:
// - each package's locale modules from its XLIFF (failing when a French translation is missing);
// - whatever a package's own `generate.mjs` writes (access-map turns Leaflet's CSS into a module).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join, resolve} from 'node:path';

const root = resolve(import.meta.dirname, '..');
const litLocalize = join(root, 'node_modules/.bin/lit-localize');
let missing = 0;

for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  if (existsSync(join(dir, 'lit-localize.json'))) {
    const xliffDir = join(dir, 'xliff');
    for (const file of existsSync(xliffDir) ? readdirSync(xliffDir) : []) {
      const units = readFileSync(join(xliffDir, file), 'utf8').split('<trans-unit').slice(1);
      const untranslated = units.filter((unit) => !unit.includes('<target'));
      for (const unit of untranslated) {
        console.error(`${name}/xliff/${file}: no translation for ${unit.match(/<source>(.*?)<\/source>/s)?.[1]}`);
      }
      missing += untranslated.length;
    }
    execFileSync(litLocalize, ['build', '--config', 'lit-localize.json'], {cwd: dir, stdio: 'pipe'});
  }
  if (existsSync(join(dir, 'generate.mjs'))) {
    execFileSync(process.execPath, ['generate.mjs'], {cwd: dir, stdio: 'inherit'});
  }
}
if (missing) {
  console.error(`${missing} message(s) lack a French translation: run "npm run localize:extract", then translate them in xliff/fr.xlf.`);
  process.exit(1);
}
