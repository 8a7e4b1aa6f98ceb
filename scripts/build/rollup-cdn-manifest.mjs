// Writes dist/cdn/manifest.json: for each chunk, what it imports statically, dynamically and by URL
// (workers), and which chunks are alternatives (source adapters). The size report reads it to add up an
// element's full load.
const alternativeOf = (id) => /\/src\/sources\/([^/]+)\.ts$/.exec(id)?.[1] ?? /\/src\/clustering\/read-([^/]+)\.ts$/.exec(id)?.[1];

/** `elements`: the names of the build's inputs (emitted worker chunks are entries to rollup, not to us). */
export function cdnManifest(elements) {
  return {
    name: 'lien-cdn-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks[fileName] = {
          entry: item.isEntry && elements.includes(item.name) ? item.name : undefined,
          // A data source adapter, named: a page fetches only the one its `source` attribute names, with what the
          // worker loads for that source alone (`clustering/read-<source>.ts`, e.g. the GeoJSON file reader).
          alternative: alternativeOf(item.facadeModuleId ?? ''),
          // A part only some uses of an element load (`*.part.ts`, e.g. donate-button's SEPA QR encoder): counted
          // apart from the element's full load, and printed on its own line.
          part: /\.part\.ts$/.test(item.facadeModuleId ?? '') || undefined,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          referencedFiles: item.referencedFiles,
        };
      }
      this.emitFile({type: 'asset', fileName: 'manifest.json', source: JSON.stringify({chunks}, null, 2)});
    },
  };
}
