// Sources start their module workers the standard way:
//   new Worker(new URL('./cluster.worker.js', import.meta.url), {type: 'module'})
// which tsc output, Vite and the test server understand as is. For the CDN bundle, this plugin emits the
// worker's TypeScript source as its own chunk and points the URL at it.
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

const WORKER_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+\.worker)\.js\1\s*,\s*import\.meta\.url\s*\)/g;

export function moduleWorkers() {
  return {
    name: 'lien-module-workers',
    transform(code, id) {
      if (!id.endsWith('.ts') || !code.includes('import.meta.url')) return null;
      let changed = false;
      const out = code.replace(WORKER_URL, (match, _quote, path) => {
        const source = resolve(dirname(id), `${path}.ts`);
        if (!existsSync(source)) this.error(`Worker source not found: ${source}`);
        const ref = this.emitFile({type: 'chunk', id: source});
        changed = true;
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      return changed ? {code: out, map: null} : null;
    },
  };
}
