import {join} from 'node:path';
import {packageRoot} from '../../src/paths.js';

/** Fixtures and sample data stay in the package's source folders; tests run compiled from dist/test-build. */
export const packageDir = `${packageRoot}/`;
export const fixture = (name: string) => join(packageRoot, 'test', 'fixtures', name);
export const sample = (name: string) => join(packageRoot, 'sample-data', name);
export const pgliteTemplateDir = join(packageRoot, 'dist', 'test-pglite-template');
/** The upstreams' own payloads, kept with their origin in @lien/open-data's tests. */
export const upstream = (path: string) => join(packageRoot, '..', 'open-data', 'test', 'fixtures', path);
