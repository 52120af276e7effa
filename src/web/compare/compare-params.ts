/**
 * The parameters of `/compare/{key}` and `GET /api/v1/compare/{key}`, checked before any store call: the key as
 * `comparisonKeyOf` makes it, `codes` a comma-separated list of 全国地方公共団体コード (a group such as a 類似団体), each
 * with its check digit, `prefecture` two digits (01–47), `page` a whole number. Every bad code is named at once.
 */
import type { Context } from 'hono';
import { comparisonKeyPattern } from '../../domain/comparison/index.ts';
import { isValidMunicipalityCode, municipalityCheckDigit } from '../../domain/municipality-code.ts';
import type { ComparisonOptions } from '../../store/comparison/index.ts';
import { badRequest } from '../http-error.ts';
import { intQuery } from '../params.ts';

/** More than any 類似団体 group, few enough that one query's parameters stay far under both databases' limits. */
export const maxCodes = 500;

export function keyParam(c: Context): string {
  const key = c.req.param('key') ?? '';
  if (!comparisonKeyPattern.test(key)) {
    throw badRequest(
      'key',
      `比較キー「${key}」の形式が正しくありません。指標のページの「他の自治体と比べる」のリンクを使ってください (invalid comparison key: ${key}; use the “compare” link of an indicator)`,
    );
  }
  return key;
}

function codeProblem(code: string): string {
  if (!/^\d{6}$/.test(code)) return `${code}（6桁の数字ではありません / not 6 digits）`;
  const corrected = `${code.slice(0, 5)}${municipalityCheckDigit(code.slice(0, 5))}`;
  return `${code}（検査数字が合いません。${corrected} ではありませんか / wrong check digit; did you mean ${corrected}?）`;
}

/** `?codes=162094,202088` (commas, 、 or spaces between) as a list without repeats; undefined when absent or empty. */
export function codesParam(c: Context): string[] | undefined {
  const raw = c.req.query('codes');
  // The page's form sends an empty field when no group is typed: all organizations.
  const codes = [...new Set((raw ?? '').split(/[,、，\s]+/u))].filter((s) => s !== '');
  if (codes.length === 0) return undefined;
  if (codes.length > maxCodes) {
    throw badRequest(
      'codes',
      `「codes」は${maxCodes}団体までです (codes: at most ${maxCodes} organizations)`,
    );
  }
  const bad = codes.filter((code) => !isValidMunicipalityCode(code));
  if (bad.length > 0) {
    throw badRequest(
      'codes',
      `「codes」の全国地方公共団体コードが正しくありません: ${bad.map(codeProblem).join('、')} (codes: invalid municipality codes: ${bad.join(', ')})`,
    );
  }
  return codes;
}

/** `?prefecture=20`: the first two digits of the code, 01 to 47. */
export function prefectureParam(c: Context): string | undefined {
  const value = c.req.query('prefecture')?.trim();
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^\d{2}$/.test(value) || n < 1 || n > 47) {
    throw badRequest(
      'prefecture',
      `「prefecture」は都道府県コード（全国地方公共団体コードの上2桁、01〜47）です (invalid prefecture: ${value}; use the first two digits of the municipality code, 01 to 47)`,
    );
  }
  return value;
}

/** All of a request's comparison options. */
export function comparisonOptionsOf(
  c: Context,
  perPage: number,
): Required<Pick<ComparisonOptions, 'page' | 'perPage'>> & ComparisonOptions {
  const codes = codesParam(c);
  const prefecture = prefectureParam(c);
  const page = intQuery(c, 'page', { min: 1, max: 10_000, fallback: 1 });
  return { page, perPage, ...(codes && { codes }), ...(prefecture && { prefecture }) };
}

/** A 400 for a page past the last, naming the last. */
export function checkPage(page: number, pageCount: number): void {
  if (page > pageCount) {
    throw badRequest(
      'page',
      `「page」は1〜${pageCount}の整数です (invalid page: ${page}; use a whole number from 1 to ${pageCount})`,
    );
  }
}

/** The query string that keeps a request's group, e.g. "codes=162094,202088&prefecture=20", or "". */
export function groupQuery(options: ComparisonOptions): string {
  const parts: string[] = [];
  if (options.codes) parts.push(`codes=${options.codes.join(',')}`);
  if (options.prefecture) parts.push(`prefecture=${options.prefecture}`);
  return parts.join('&');
}
