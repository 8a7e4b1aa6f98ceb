#!/usr/bin/env node
// The `lien-gateway` command: `serve` and `import places|missions|signs FILE`. The code is compiled TypeScript.
import {existsSync} from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('lien-gateway is not built yet: run `npm run build -w packages/gateway` (or `npm run build:types`) first.');
  process.exit(1);
}
const {main} = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
