// `npm run lint` (and `npm test`): ESLint over the repository (eslint.config.js), then lit-analyzer over the
// elements' templates, stories and demo. Either one reporting anything, warnings included, fails the run.
import {run} from './setup.mjs';

run('npx', ['eslint', '.', '--max-warnings', '0']);
// lit-analyzer's CSS checker predates container queries and `forced-color-adjust`: it would flag valid CSS, so its
// CSS rule is off; every template rule stays on.
run('npx', ['lit-analyzer', 'packages/*/src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', '--rules.no-invalid-css', 'off', '--maxWarnings', '0', '--format', 'list']);
