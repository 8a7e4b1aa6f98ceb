// Writes the generated sources every build, test and story needs:
// - each package's locale modules from its XLIFF (failing when a message of the sources is not in the
//   XLIFF yet, or has no French translation);
// - whatever a package's own `generate.mjs` writes (access-map turns Leaflet's CSS into a module).
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {execFileSync} from 'node:child_process';
import {join, resolve} from 'node:path';

const root = resolve(import.meta.dirname, '..');
const litLocalize = join(root, 'node_modules/.bin/lit-localize');
let missing = 0;

const unitIds = (xliff) => new Set([...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]));

/** The messages of a package's sources that its XLIFF lacks (extracted afresh into a scratch folder). */
function unextracted(dir) {
  const scratch = mkdtempSync(join(tmpdir(), 'lien-xliff-'));
  try {
    const config = JSON.parse(readFileSync(join(dir, 'lit-localize.json'), 'utf8'));
    config.tsConfig = resolve(dir, config.tsConfig);
    config.output.outputDir = join(scratch, 'out');
    if (config.output.localeCodesModule) config.output.localeCodesModule = join(scratch, 'locale-codes.ts');
    config.interchange.xliffDir = scratch;
    writeFileSync(join(scratch, 'lit-localize.json'), JSON.stringify(config));
    execFileSync(litLocalize, ['extract', '--config', join(scratch, 'lit-localize.json')], {cwd: dir, stdio: 'pipe'});
    const fresh = unitIds(readFileSync(join(scratch, 'fr.xlf'), 'utf8'));
    const committed = unitIds(readFileSync(join(dir, 'xliff', 'fr.xlf'), 'utf8'));
    return [...fresh].filter((id) => !committed.has(id));
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}

for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  if (existsSync(join(dir, 'lit-localize.json'))) {
    const notExtracted = unextracted(dir);
    for (const id of notExtracted) console.error(`${name}: message ${id} of the sources is not in xliff/fr.xlf`);
    missing += notExtracted.length;
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
