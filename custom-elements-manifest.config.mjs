// custom-elements.json for editors and Storybook docs: every element's JSDoc (@fires @slot @csspart
// @cssproperty) read from the packages' sources.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/generated/**', 'packages/gateway/**', '**/*.worker.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [publicApiOnly()],
};

/** The manifest documents what a site can use: private and protected members, statics and state are left out. */
function publicApiOnly() {
  return {
    name: 'lien-public-api-only',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('_')
          );
          // An attribute is one a public member reflects (state and `attribute: false` properties are none).
          const reflected = new Set(declaration.members.map((member) => member.attribute).filter(Boolean));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => reflected.has(attribute.name));
        }
      }
    },
  };
}
