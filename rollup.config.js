// The CDN build: one self-contained ES module per element under dist/cdn/ (plus core.js for sites that
// write their own elements), code-split so that several elements on one page share one copy of Lit and
// core — hence one locale state. The npm build is `tsc -b` (npm run build:types): ES modules with bare
// imports and .d.ts in each package's dist/.
import {existsSync, readdirSync, rmSync} from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import {moduleWorkers} from './scripts/build/rollup-module-workers.mjs';
import {cdnManifest} from './scripts/build/rollup-cdn-manifest.mjs';

/**
 * `dist/cdn/<element>.js` for every package with a `src/define.ts`, `dist/cdn/core.js`, and the demo's
 * `<lien-theme-preview>` (the smallest element on core alone: the size report holds it to core's budget).
 */
const input = {core: 'packages/core/src/index.ts', 'theme-preview': 'demo/theme-preview.ts'};
for (const name of readdirSync('packages')) {
  if (existsSync(`packages/${name}/src/define.ts`)) input[name] = `packages/${name}/src/define.ts`;
}

// Old chunks (other hashes) would linger and confuse the size report.
rmSync('dist/cdn', {recursive: true, force: true});

// A bundle that cannot resolve an import or misses an export is broken: fail instead of warning.
const FATAL = new Set(['MISSING_EXPORT', 'UNRESOLVED_IMPORT', 'CIRCULAR_DEPENDENCY_FATAL']);

export default {
  input,
  preserveEntrySignatures: 'exports-only',
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({exportConditions: ['lien-source', 'browser', 'production'], extensions: ['.ts', '.mjs', '.js']}),
    moduleWorkers(),
    esbuild({tsconfig: 'tsconfig.json', target: 'es2021', minify: true, legalComments: 'none'}),
    cdnManifest(Object.keys(input)),
  ],
  onwarn(warning, warn) {
    if (FATAL.has(warning.code)) throw new Error(`${warning.code}: ${warning.message}`);
    warn(warning);
  },
};
