/** Lien's version, compared by `define()` to warn when two different copies meet on one page. */
export const LIEN_VERSION = '0.1.0';
