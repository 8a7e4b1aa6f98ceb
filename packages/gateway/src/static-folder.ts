import {existsSync, realpathSync} from 'node:fs';
import {isAbsolute, relative, resolve} from 'node:path';

/** The real path when it exists (symlinks resolved), else the absolute one. */
const realOrAbsolute = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

function isInside(folder: string, path: string): boolean {
  const rel = relative(realOrAbsolute(folder), realOrAbsolute(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The folder to serve at `/`, checked before anything is opened: it must exist, and must not hold the PGlite data
 * folder, which would otherwise be downloadable file by file.
 */
export function checkedStaticDir(staticDir: string, pgliteDataDir: string | undefined): string {
  const root = resolve(staticDir);
  if (!existsSync(root)) throw new Error(`LIEN_STATIC_DIR does not exist: ${root}`);
  if (pgliteDataDir && !pgliteDataDir.startsWith('memory://') && isInside(root, pgliteDataDir))
    throw new Error(
      `LIEN_STATIC_DIR (${root}) contains the database folder LIEN_DATA_DIR (${resolve(pgliteDataDir)}): ` +
        'it would be served to anyone. Keep the data folder outside the static folder.'
    );
  return root;
}
