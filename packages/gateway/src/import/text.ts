/** Small helpers shared by the importers: messy real files hold numbers as text, localized strings, blanks. */

/** A trimmed string, or undefined for blanks and the "not filled in" markers found in real exports. */
export function text(value: unknown, maxLength = 2000): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // A11yJSON localized string: {"en": "…", "fr": "…"} — keep one, English first.
    const record = value as Record<string, unknown>;
    return text(record.en ?? record.fr ?? Object.values(record)[0], maxLength);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || /^(non renseign[ée]|nr|n\/a|null|none|undefined)$/i.test(trimmed)) return undefined;
  return trimmed.slice(0, maxLength);
}

export function number(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = text(value);
  if (t === undefined) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** "True"/"VRAI"/"oui"/true → true, "False"/"FAUX"/"non"/false → false, anything else unknown. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value)?.toLowerCase();
  if (t === undefined) return undefined;
  if (['true', 'vrai', 'oui', 'yes', '1'].includes(t)) return true;
  if (['false', 'faux', 'non', 'no', '0'].includes(t)) return false;
  return undefined;
}

/**
 * A date as ISO 8601 text, or undefined when it cannot be read. Converted here rather than handed to PostgreSQL as
 * written: "2022" or "March 7, 2022 10:00 GMT+0100" are dates to JavaScript but not to PostgreSQL (which would abort
 * the import, or read the offset the other way round).
 */
export function isoDate(value: unknown): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  const time = Date.parse(t);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** One way to write an address whatever the source: "12 Rue X, 75001 Paris" (blank parts left out). */
export function formatAddress(streetParts: unknown[], cityParts: unknown[]): string | undefined {
  const join = (parts: unknown[]) => parts.map((p) => text(p)).filter(Boolean).join(' ');
  return [join(streetParts), join(cityParts)].filter(Boolean).join(', ') || undefined;
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Only http(s) links survive: a `javascript:` website must never reach a page as a link. */
export const url = (value: unknown) => {
  const t = text(value);
  return isHttpUrl(t) ? t : undefined;
};

export function validCoordinates(lon: number | undefined, lat: number | undefined): string | undefined {
  if (lon === undefined || lat === undefined) return 'no coordinates';
  // NaN and Infinity pass every range comparison below; PostgreSQL would store them as coordinates.
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'coordinates are not numbers';
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return 'coordinates out of range';
  if (lon === 0 && lat === 0) return 'coordinates are 0,0 (a placeholder)';
  return undefined;
}
