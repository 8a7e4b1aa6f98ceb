// Where the CDN build goes and where the size report, the site assembly and the browser tests read it:
// dist/cdn, or LIEN_CDN_DIR (a trial build elsewhere: `LIEN_CDN_DIR=/tmp/lien-cdn npx rollup -c`).
export const cdnDir = process.env.LIEN_CDN_DIR || 'dist/cdn';
