// Writes dist/cdn/manifest.json: for each chunk, what it imports statically, dynamically and by URL
// (workers). The size report reads it to add up an element's full load.
export function cdnManifest() {
  return {
    name: 'lien-cdn-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks[fileName] = {
          entry: item.isEntry ? item.name : undefined,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          referencedFiles: item.referencedFiles,
        };
      }
      this.emitFile({type: 'asset', fileName: 'manifest.json', source: JSON.stringify({chunks}, null, 2)});
    },
  };
}
