import type {SignupExportRow} from './store.js';

/**
 * One CSV cell. Quotes are doubled; a cell that a spreadsheet would run as a formula gets a leading apostrophe, so a
 * hostile name cannot become a formula in the association's spreadsheet: one that starts, after any invisible or
 * space characters a spreadsheet skips, with = + - @ or their fullwidth forms (＝ ＋ － ＠), or with a tab or CR.
 */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[\s\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['id', 'created_at', 'mission_id', 'name', 'email', 'phone', 'availability', 'skills', 'message', 'consents'];

export function signupsCsv(rows: SignupExportRow[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        new Date(r.created_at).toISOString(),
        r.mission_id,
        r.name,
        r.email,
        r.phone,
        r.availability,
        r.skills.join(' | '),
        r.message,
        r.consents.map((c) => `${c.purpose} @ ${c.givenAt}: ${c.wording}`).join(' | '),
      ]
        .map(csvCell)
        .join(',')
    );
  }
  // BOM: spreadsheets then read the file as UTF-8 (accents in French names).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
