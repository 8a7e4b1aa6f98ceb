import {fileURLToPath} from 'node:url';

/** Tests run compiled from dist/test/…; fixtures and sample data stay in the package's source folders. */
export const packageDir = fileURLToPath(new URL('../../../', import.meta.url));
export const fixture = (name: string) => `${packageDir}test/fixtures/${name}`;
export const sample = (name: string) => `${packageDir}sample-data/${name}`;
export const pgliteTemplateDir = `${packageDir}dist/test-pglite-template`;
