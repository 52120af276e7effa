/** Comparing one indicator across organizations: its definition's key, the ranking and the rules in words. */
export { comparableCountLimit } from './comparable-count.ts';
export {
  type ComparisonDefinition,
  comparisonKeyOf,
  comparisonKeyPattern,
  normalizeDefinitionText,
} from './comparison-key.ts';
export { type ComparisonRuleInput, comparisonRuleWords, type RuleLang } from './comparison-rule.ts';
export {
  type Direction,
  type Rankable,
  type Ranked,
  type RankingRule,
  rankingRuleOf,
  rankValues,
} from './ranking.ts';
