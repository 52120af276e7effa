/**
 * What the table import hands the store to write: one record it creates, updates or leaves alone, with its before
 * and after as flat editing records. The io side adds where in the file each came from.
 */
import type {
  AchievementRecord,
  EvaluationRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NodeRecord,
  ProgramSheetRecord,
} from '../../domain/editing/records.ts';

export type ImportAction = 'create' | 'update' | 'unchanged';

/**
 * The records a staff table holds; baselines and targets travel with their indicator's row, the evaluations of a
 * program's year with its 事務事業評価 row.
 */
export type ImportEntity =
  | 'node'
  | 'indicator'
  | 'indicatorValue'
  | 'achievement'
  | 'programSheet'
  | 'evaluation';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows (not errors) refused; a whole-file error counts as one. */
  rejected: number;
}

interface ChangeOf<E extends ImportEntity, R> {
  entity: E;
  id: string;
  planId: string;
  action: ImportAction;
  before: R | null;
  after: R;
  changedFields: string[];
}

export type ImportChange =
  | ChangeOf<'node', NodeRecord>
  | ChangeOf<'indicator', IndicatorRecord>
  | ChangeOf<'indicatorValue', IndicatorValueRecord>
  | ChangeOf<'achievement', AchievementRecord>
  | ChangeOf<'programSheet', ProgramSheetRecord>
  | ChangeOf<'evaluation', EvaluationRecord>;
