/**
 * Driver value conversions, kept in the store: pg returns int8/numeric as strings and SQLite has no boolean,
 * so every number and flag read from a row passes through here before it reaches the domain model.
 */

/** A column value as a number, e.g. `toNumber('12') // 12`. */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`数値ではありません (not a number): ${String(value)}`);
  return n;
}

/** A nullable column as number | null, e.g. `nullableNumber(null) // null`. */
export function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

/** A nullable column as number | undefined, for optional model fields. */
export function optionalNumber(value: unknown): number | undefined {
  return nullableNumber(value) ?? undefined;
}

/** Integer flags 0/1 (or pg booleans) as booleans, e.g. `toBoolean(1) // true`. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** A boolean as the 0/1 integer both databases store. */
export function fromBoolean(value: boolean): number {
  return value ? 1 : 0;
}

/** A nullable text column as an optional model field. */
export function optionalText(value: string | null | undefined): string | undefined {
  return value ?? undefined;
}

/** Drops keys whose value is undefined, so read results deep-equal what was written (optional = absent). */
export function withoutUndefined<T extends object>(value: T): T {
  // A loop, not fromEntries(entries().filter()): every value row read passes here.
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) kept[key] = v;
  return kept as T;
}

/** Parses a JSON text column; null stays null. */
export function parseJsonColumn<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
