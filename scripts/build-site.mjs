// Assembles the demo site in dist/site: the demo's pages and assets, and the CDN bundles under /cdn/,
// so that one static folder (served by the gateway in `npm start`) is the whole site.
import {cpSync, existsSync, mkdirSync, readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {cdnDir} from './build/cdn-dir.mjs';

const out = 'dist/site';
if (!existsSync(join(cdnDir, 'manifest.json'))) {
  console.error('No CDN build found: run "npm run build:cdn" first.');
  process.exit(1);
}
rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
for (const file of readdirSync('demo')) {
  if (!file.endsWith('.ts')) cpSync(join('demo', file), join(out, file), {recursive: true});
}
cpSync(cdnDir, join(out, 'cdn'), {recursive: true});
console.log(`Demo site assembled in ${out}/`);
