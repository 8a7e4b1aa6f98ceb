/**
 * Text PostgreSQL cannot store as text: a NUL character (it refuses it), or a lone UTF-16 surrogate (not a
 * character at all: it would be refused, or silently turned into U+FFFD). Such input is answered 400 naming the
 * field, on both databases, before it reaches one.
 */
// The NUL is what this looks for.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be stored as text, or undefined when it can. */
export function unstorable(value: string): string | undefined {
  const found = UNSTORABLE.exec(value)?.[0];
  if (found === undefined) return undefined;
  return found === '\u0000' ? 'contains a NUL character' : 'contains a lone surrogate (not a character)';
}
