/** Comparing one indicator definition across organizations. */
export { comparableOrganizations, compareIndicator, comparisonQuery } from './compare-indicator.ts';
export type { ComparedValue, Comparison, ComparisonOptions } from './contract.ts';
