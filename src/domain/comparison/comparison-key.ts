/**
 * When two indicators measure the same thing: the same name, unit and kind (成果 / 活動), read as one definition
 * whatever the width of the characters, the spaces or the case of Latin letters. Two organizations' values are
 * compared only under one key, so 「合計特殊出生率」 of one city is never ranked against 「出生数（人）」 of another.
 */
import { createHash } from 'node:crypto';
import type { Indicator } from '../model.ts';

/** The parts of an indicator its definition is made of. */
export type ComparisonDefinition = Pick<Indicator, 'name' | 'unit' | 'kind'>;

/**
 * The text as its definition reads it: NFKC (全角英数 → 半角, 半角カナ → 全角), no spaces, Latin letters in lower case.
 * @example normalizeDefinitionText(' ＫＰＩ　出生率 ') // "kpi出生率"
 */
export function normalizeDefinitionText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/**
 * The key indicators of one definition share, stored on every indicator row (`indicator.comparison_key`) and used in
 * `/compare/{key}`: "d-" and 24 hex digits of the SHA-256 of the kind, unit and name as normalised, so it is short,
 * fits any URL and says nothing it could get wrong about the words.
 * @example comparisonKeyOf({ name: '合計特殊出生率', unit: '', kind: 'outcome' }) // "d-…" (24 hex digits)
 */
export function comparisonKeyOf(definition: ComparisonDefinition): string {
  const canonical = [
    definition.kind,
    normalizeDefinitionText(definition.unit),
    normalizeDefinitionText(definition.name),
  ].join('\u0000');
  return `d-${createHash('sha256').update(canonical).digest('hex').slice(0, 24)}`;
}

/** A comparison key as a path parameter must be: what `comparisonKeyOf` makes. */
export const comparisonKeyPattern = /^d-[0-9a-f]{24}$/;
