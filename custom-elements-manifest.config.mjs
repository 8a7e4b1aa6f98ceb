// custom-elements.json for editors and Storybook docs: every element's JSDoc (@fires @slot @csspart
// @cssproperty) read from the packages' sources.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/generated/**', 'packages/gateway/**', '**/*.worker.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
