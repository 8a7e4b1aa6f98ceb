/** Lien's version (from core's package.json, at build time), compared by `define()` to warn when two copies meet. */
export {LIEN_VERSION} from './generated/version.js';
