/** Checks path and query parameters against the domain model before any store call. */
import type { Context } from 'hono';
import { recordId } from '../domain/model.ts';
import { badRequest } from './http-error.ts';

/** The path parameter as a valid record id, or a 400 naming it. */
export function idParam(c: Context, name = 'id'): string {
  const value = c.req.param(name) ?? '';
  if (!recordId.safeParse(value).success) {
    throw badRequest(
      name,
      `「${name}」の形式が正しくありません: 英小文字・数字・. _ - のみ (invalid ${name}: ${value})`,
    );
  }
  return value;
}

/** An optional query parameter that must be one of `allowed`; unknown query names are refused too. */
export function enumQuery<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(
      name,
      `「${name}」は ${allowed.join(' / ')} のいずれかです (invalid ${name}: ${value}; use ${allowed.join(', ')})`,
    );
  }
  return value as T;
}

/** Refuses query parameters the route does not know, so a typo is not silently ignored. */
export function onlyQueries(c: Context, known: readonly string[]): void {
  for (const name of Object.keys(c.req.queries())) {
    if (!known.includes(name)) {
      throw badRequest(name, `不明なクエリパラメータ「${name}」です (unknown query parameter: ${name})`);
    }
  }
}

/** An optional whole-number query parameter within [min, max], e.g. `?page=2`; `fallback` when absent. */
export function intQuery(
  c: Context,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  const value = c.req.query(name);
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max) {
    throw badRequest(
      name,
      `「${name}」は${range.min}〜${range.max}の整数です (invalid ${name}: ${value}; use a whole number from ${range.min} to ${range.max})`,
    );
  }
  return n;
}
