// Builds the "ours" page from the product's sources (esbuild, `lien-source` condition) into .build/.
// The clustering worker is bundled on its own under the name the source asks for
// (`new URL('./cluster.worker.js', import.meta.url)`), next to the page bundle.
import {existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {build} from 'esbuild';

export async function buildOurs(root) {
  const clustering = join(root, 'packages/access-map/src/clustering');
  const page = join(root, 'bench/map/pages/ours.js');
  if (!existsSync(join(clustering, 'index.ts'))) return {ok: false, reason: 'packages/access-map/src/clustering/index.ts does not exist yet'};
  if (!existsSync(page)) return {ok: false, reason: 'bench/map/pages/ours.js does not exist yet'};
  const outdir = join(root, 'bench/map/.build');
  mkdirSync(outdir, {recursive: true});
  const common = {
    bundle: true, format: 'esm', target: 'es2022', conditions: ['lien-source'], logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'), absWorkingDir: root, sourcemap: false,
    // Readable names in a profile of the page; minifying changes load size, not the timings measured here.
    minify: false,
  };
  await build({...common, entryPoints: {ours: page}, outdir});
  await build({...common, entryPoints: {'cluster.worker': join(clustering, 'cluster.worker.ts')}, outdir});
  return {ok: true};
}
