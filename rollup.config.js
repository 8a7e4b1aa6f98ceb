// The CDN build: one self-contained ES module per element under dist/cdn/ (plus core.js for sites that
// write their own elements), code-split so that several elements on one page share one copy of Lit and
// core — hence one locale state. dist/cdn/lien.js is the autoloader: one script that imports an element's
// module the first time its tag appears in the page. The npm build is `tsc -b` (npm run build:types): ES
// modules with bare imports and .d.ts in each package's dist/.
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import {moduleWorkers} from './scripts/build/rollup-module-workers.mjs';
import {cdnManifest} from './scripts/build/rollup-cdn-manifest.mjs';
import {AUTOLOADER_ENTRY, autoloader} from './scripts/build/rollup-autoloader.mjs';
import {cdnDir} from './scripts/build/cdn-dir.mjs';

/**
 * `dist/cdn/<element>.js` for every package with a `src/define.ts` (the folder's name is the tag's),
 * `dist/cdn/lien.js` (the autoloader, which knows those same elements), `dist/cdn/core.js`, and the demo's
 * `<lien-theme-preview>` (the smallest element on core alone: the size report holds it to core's budget).
 * The output folder is LIEN_CDN_DIR when set (trial builds), else dist/cdn.
 */
const elements = readdirSync('packages').filter((name) => existsSync(`packages/${name}/src/define.ts`));
const input = {core: 'packages/core/src/index.ts', 'theme-preview': 'demo/theme-preview.ts', lien: AUTOLOADER_ENTRY};
for (const name of elements) input[name] = `packages/${name}/src/define.ts`;

// Old chunks (other hashes) would linger and confuse the size report. A folder named by LIEN_CDN_DIR is
// only emptied when it is a CDN build (or empty).
if (cdnDir !== 'dist/cdn' && existsSync(cdnDir) && readdirSync(cdnDir).length && !existsSync(join(cdnDir, 'manifest.json'))) {
  throw new Error(`LIEN_CDN_DIR=${cdnDir} is not empty and holds no CDN build (no manifest.json): not deleting it.`);
}
rmSync(cdnDir, {recursive: true, force: true});

// A bundle that cannot resolve an import or misses an export is broken: fail instead of warning.
const FATAL = new Set(['MISSING_EXPORT', 'UNRESOLVED_IMPORT', 'CIRCULAR_DEPENDENCY_FATAL']);

export default {
  input,
  preserveEntrySignatures: 'exports-only',
  output: {
    dir: cdnDir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // What every source module needs (the field readers, the place collector) in one chunk that only a source's
    // first load fetches, instead of pieces of core's entry scattered among the sources' chunks. Errors, waiting and the
    // events, which that code uses but every element needs at once, are kept out of it (never in core.js's entry, which
    // would bring the whole of core's API); and fetching, which elements without sources need too (donations), has a
    // chunk of its own.
    manualChunks(id) {
      if (/packages\/(open-data\/src\/(read|fields|collect)|access-map\/src\/sources\/types)\.ts$/.test(id)) return 'data';
      if (/packages\/(open-data\/src\/(errors|json)|core\/src\/(errors|wait|events\/[^/]+))\.ts$/.test(id)) return 'basics';
      if (/packages\/core\/src\/fetch-json\.ts$/.test(id)) return 'fetch';
      return undefined;
    },
    sourcemap: true,
  },
  plugins: [
    // First: it resolves its own entry id, and checks the built lien.js imports nothing.
    autoloader({name: 'lien', elements}),
    nodeResolve({exportConditions: ['lien-source', 'browser', 'production'], extensions: ['.ts', '.mjs', '.js']}),
    moduleWorkers(),
    // The markup and styles inside Lit's html``, svg`` and css`` templates, without their indentation and comments; a
    // template it cannot minify stops the build rather than shipping unchecked. Self-closing slashes stay: inside SVG,
    // `<rect/><path/>` without them would nest the path in the rect, which then draws nothing. Whitespace is collapsed
    // to one space, never removed: at a template's edge it is the space between two words ("Taliba31 · CC0").
    minifyHTML({include: ['packages/**/*.ts', 'demo/**/*.ts'], failOnError: true, options: {minifyOptions: {keepClosingSlash: true, conservativeCollapse: true}}}),
    esbuild({tsconfig: 'tsconfig.json', target: 'es2021', legalComments: 'none'}),
    // Terser compresses a few percent smaller than esbuild's minifier (two passes, top-level names mangled).
    terser({ecma: 2020, module: true, compress: {passes: 2}, format: {comments: false}}),
    cdnManifest(Object.keys(input)),
  ],
  onwarn(warning, warn) {
    if (FATAL.has(warning.code)) throw new Error(`${warning.code}: ${warning.message}`);
    warn(warning);
  },
};
