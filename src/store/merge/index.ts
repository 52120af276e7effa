/** A JSON interchange document merged by id into a database that already holds data: planned, then written. */
export { type ApplyMergeOptions, applyMerge } from './apply-merge.ts';
export {
  type MergeAction,
  type MergeChange,
  type MergeEntity,
  type MergePlan,
  mergeCounts,
  planMerge,
} from './merge-plan.ts';
