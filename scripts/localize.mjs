// Runs lit-localize (extract or build) in every package that has a lit-localize.json.
import {existsSync, readdirSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';

const command = process.argv[2];
if (command !== 'extract' && command !== 'build') {
  console.error('usage: node scripts/localize.mjs extract|build');
  process.exit(2);
}
const bin = join(process.cwd(), 'node_modules/.bin/lit-localize');
for (const name of readdirSync('packages')) {
  const dir = join('packages', name);
  if (!existsSync(join(dir, 'lit-localize.json'))) continue;
  execFileSync(bin, [command, '--config', 'lit-localize.json'], {cwd: dir, stdio: 'inherit'});
}
