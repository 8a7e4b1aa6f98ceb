// The autoloader entry, dist/cdn/lien.js: a module made at build time that hands core's autoloader
// runtime (packages/core/src/autoloader.ts) the map from each element's tag to its CDN module,
//   autoload({'access-map': new URL('./access-map.js', import.meta.url).href, …})
// so a new package with a src/define.ts is picked up by itself (tag = folder name = entry name). The
// element modules are found relative to lien.js's own URL, wherever a site puts the CDN folder.
import {fileURLToPath} from 'node:url';

export const AUTOLOADER_ENTRY = 'lien:autoloader';
const ID = '\0lien-autoloader';
const RUNTIME = fileURLToPath(new URL('../../packages/core/src/autoloader.ts', import.meta.url));

/**
 * `name`: the entry's name in the build's `input` (its file is `<name>.js`); `elements`: the tags, each
 * also the name of its entry.
 */
export function autoloader({name, elements}) {
  return {
    name: 'lien-autoloader',
    resolveId(id) {
      return id === AUTOLOADER_ENTRY ? ID : null;
    },
    load(id) {
      if (id !== ID) return null;
      const map = elements.map((tag) => `${JSON.stringify(tag)}: new URL(${JSON.stringify(`./${tag}.js`)}, import.meta.url).href`);
      return `import {autoload} from ${JSON.stringify(RUNTIME)};\nautoload({${map.join(', ')}});\n`;
    },
    generateBundle(_options, bundle) {
      const chunk = bundle[`${name}.js`];
      if (chunk?.type !== 'chunk' || !chunk.isEntry) return this.error(`The autoloader entry ${name}.js was not built.`);
      // Standalone: a page with only lien.js and no Lien tag fetches nothing else (no Lit, no core).
      const pulled = [...chunk.imports, ...chunk.dynamicImports, ...chunk.referencedFiles];
      if (pulled.length) {
        this.error(`${name}.js must import nothing (it is the tiny autoloader), but it loads ${pulled.join(', ')}.`);
      }
      for (const tag of elements) {
        if (!bundle[`${tag}.js`]) this.error(`The autoloader maps <${tag}> to ${tag}.js, which the build did not make.`);
      }
    },
  };
}
