// ESLint for the whole repository (`npm run lint`, run by `npm test`): JavaScript's and TypeScript's recommended
// rules, Lit's and Web Components' for the elements. lit-analyzer checks the templates' bindings besides.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/src/generated/**', 'storybook-static/**', 'bench/map/.build/**', 'bench/results/**', 'screenshots/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      // `_name` marks what is unused on purpose (a rest sibling left out, a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true}],
    },
  },
  {files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'], ...lit.configs['flat/recommended']},
  {files: ['packages/*/src/**/*.ts', 'demo/**/*.ts'], ...wc.configs['flat/recommended']}
);
