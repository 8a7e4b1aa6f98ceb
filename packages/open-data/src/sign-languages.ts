/**
 * Sign languages among language tags: BCP 47 `sgn-…`, and the ISO 639-3 codes of the sign languages Lien's users
 * meet most (the A11yJSON spec lists sign languages in `staff.languages` by these tags).
 */
const SIGN_LANGUAGES = new Set(['sgn', 'fsl', 'ase', 'bfi', 'gsg', 'ssr', 'sgg', 'slf', 'ise', 'ssp', 'psr', 'vgt', 'sfb', 'dse', 'isg', 'bzs', 'csl', 'jsl', 'asf', 'nzs']);
export function isSignLanguage(tag: string): boolean {
  const lower = tag.toLowerCase();
  return lower.startsWith('sgn-') || SIGN_LANGUAGES.has(lower.split('-')[0]!);
}
