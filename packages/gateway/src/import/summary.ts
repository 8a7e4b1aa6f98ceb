/** What an import reports: counts, and every rejected or skipped row with its reason. */
export interface ImportSummary {
  kind: 'places' | 'missions' | 'signs';
  file: string;
  format: string;
  inserted: number;
  updated: number;
  /** A row's number in its file, or where in a document (`graph[0].activity[1].role[0]`). */
  rejected: {row: number | string; id?: string; reason: string}[];
  /** Facts about the file worth telling, e.g. columns whose values were treated as unknown. */
  notes: string[];
}

export function emptySummary(kind: ImportSummary['kind'], file: string, format: string): ImportSummary {
  return {kind, file, format, inserted: 0, updated: 0, rejected: [], notes: []};
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.kind} from ${s.file} (${s.format}): ${s.inserted} inserted, ${s.updated} updated, ${s.rejected.length} rejected`,
    ...s.notes.map((n) => `  note: ${n}`),
  ];
  // Group identical reasons so that a 2,000-row file does not print 2,000 lines.
  const byReason = new Map<string, (number | string)[]>();
  for (const r of s.rejected) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.row]);
  for (const [reason, rows] of byReason) {
    const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
    lines.push(`  rejected ${rows.length} × ${reason} (rows ${shown})`);
  }
  return lines.join('\n');
}
