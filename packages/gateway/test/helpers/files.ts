import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Writes import inputs built by a test into a temporary folder of its own; answers each file's path. */
export function jsonFileWriter(prefix: string): (name: string, data: unknown) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, data) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(data));
    return file;
  };
}
