import {fileURLToPath} from 'node:url';

/** The package folder (this file is compiled to dist/src/paths.js). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
export const sampleDataDir = fileURLToPath(new URL('../../sample-data/', import.meta.url));
