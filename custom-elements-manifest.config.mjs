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

/** The manifest documents what a site can use: private and protected members, and statics, are left out. */
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
        }
      }
    },
  };
}
