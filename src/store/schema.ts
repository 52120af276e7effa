/**
 * The tables as Kysely sees them: one interface per table, snake_case columns as stored.
 * Conversion to the domain's camelCase records happens in src/store/records/*-rows.ts (one module per entity),
 * nowhere else.
 * Booleans are integers 0/1 (SQLite has none); JSON values are text.
 */
import type { ColumnType, Generated } from 'kysely';

/** Columns every content row carries, for optimistic editing later. */
interface Versioned {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** pg returns int8/numeric as strings; integer and double precision come back as numbers on both drivers. */
type Integer = ColumnType<number, number, number>;

export interface OrganizationTable extends Versioned {
  id: string;
  name: string;
  name_en: string | null;
  kind: string;
  municipality_code: string | null;
  prefecture: string | null;
  url: string | null;
  /** JSON of the organization's 観点, or null for the defaults. */
  evaluation_viewpoints: string | null;
  /** JSON of its 今後の方向性 vocabulary, or null for the defaults. */
  next_step_vocabulary: string | null;
}

export interface SourceDocumentTable extends Versioned {
  id: string;
  organization_id: string;
  position: Integer;
  title: string;
  publisher: string | null;
  /** official, campaign, press, third_party or upload (a file staff imported); null when not stated. */
  kind: string | null;
  published_at: string;
  file: string | null;
  url: string | null;
  note: string | null;
}

/** A registered document's uploaded file and the text its line references count in. */
export interface DocumentFileTable {
  document_id: string;
  file_name: string | null;
  media_type: string | null;
  byte_size: Integer | null;
  sha256: string | null;
  content: Uint8Array | null;
  text: string | null;
  /** Where the text came from: 'file' (a text file), 'pdftotext' (extracted from the PDF), 'pasted', 'none'. */
  text_origin: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface SourceTable extends Versioned {
  id: string;
  document_id: string;
  section: string | null;
  line: Integer | null;
  page: Integer | null;
  quote: string | null;
  url: string | null;
}

export interface PlanTable extends Versioned {
  id: string;
  organization_id: string;
  title: string;
  title_en: string | null;
  subtitle: string | null;
  kind: string;
  period_start: string;
  period_end: string;
  published_at: string;
  /** First day of published_at (ISO), so plans sort by date whatever the precision. */
  published_on: string;
  summary: string | null;
  source_id: string;
  status_vocabulary: string | null;
  achievement_formula: string;
  rating_scale: string | null;
  follows: string | null;
  /** JSON of the published rollups (実施率, A評価の割合 …), or null. */
  reported: string | null;
}

export interface PlanStatementTable extends Versioned {
  id: string;
  plan_id: string;
  position: Integer;
  kind: string;
  code: string | null;
  title: string;
  body: string | null;
  source_id: string;
}

export interface NodeTable extends Versioned {
  id: string;
  plan_id: string;
  parent_id: string | null;
  position: Integer;
  kind: string;
  code: string | null;
  title: string;
  title_en: string | null;
  slogan: string | null;
  vision_phrase: string | null;
  description: string | null;
  status: string | null;
  status_date: string | null;
  status_source_id: string | null;
  source_id: string | null;
  department: string | null;
}

export interface NodeLinkTable {
  node_id: string;
  continues_node_id: string;
  position: Integer;
}

export interface AchievementTable extends Versioned {
  id: string;
  node_id: string;
  position: Integer;
  title: string;
  date: string | null;
  date_basis: string;
  highlight: Integer;
  details: string;
  note: string | null;
  source_id: string;
}

export interface IndicatorTable extends Versioned {
  id: string;
  node_id: string;
  position: Integer;
  name: string;
  name_en: string | null;
  unit: string;
  kind: string;
  direction: string;
  cumulative: Integer;
  highlight: Integer;
  achievement_formula: string | null;
  description: string | null;
  /** The key of its definition (name, unit, kind): `comparisonKeyOf` in src/domain/comparison, set on every write. */
  comparison_key: string | null;
}

export interface IndicatorValueTable extends Versioned {
  id: string;
  indicator_id: string;
  role: 'baseline' | 'target' | 'observation';
  position: Integer;
  value: number;
  text: string | null;
  date: string | null;
  fiscal_year: Integer | null;
  qualifier: string | null;
  out_of: number | null;
  rank_of: Integer | null;
  source_id: string;
  note: string | null;
}

export interface ReportedFigureTable extends Versioned {
  id: string;
  indicator_id: string;
  position: Integer;
  kind: string;
  value: number;
  unit: string;
  text: string;
  date: string | null;
  qualifier: string | null;
  source_id: string;
}

/** pg returns bigint as a string; SQLite as a number. Values are whole yen within ±2^53. */
type Yen = ColumnType<number | string, number, number>;

export interface EvaluationTable extends Versioned {
  id: string;
  /** Null for an evaluation of the plan itself. */
  node_id: string | null;
  plan_id: string;
  position: Integer;
  fiscal_year: Integer | null;
  evaluated_at: string | null;
  evaluator_kind: string;
  evaluator_name: string;
  scale: string;
  grade: string | null;
  score: number | null;
  max_score: number | null;
  comment: string | null;
  next_step: string | null;
  source_id: string;
  score_unit: string | null;
  stage: string | null;
  /** JSON of the viewpoint grades, or null. */
  viewpoints: string | null;
  budget_effect_direction: string | null;
  budget_effect_amount: Yen | null;
  budget_effect_text: string | null;
  signed_by: string | null;
  signed_at: string | null;
}

export interface ProgramSheetTable extends Versioned {
  id: string;
  node_id: string;
  position: Integer;
  fiscal_year: Integer;
  target: string | null;
  intent: string | null;
  means: string | null;
  /** JSON arrays of indicator ids. */
  target_indicator_ids: string;
  activity_indicator_ids: string;
  outcome_indicator_ids: string;
  unit_cost_indicator_id: string | null;
  budget_initial: Yen | null;
  budget_supplementary: Yen | null;
  budget_final: Yen | null;
  settlement: Yen | null;
  funding_national: Yen | null;
  funding_prefectural: Yen | null;
  funding_bonds: Yen | null;
  funding_other: Yen | null;
  funding_general: Yen | null;
  personnel_cost: Yen | null;
  staff_years: number | null;
  average_salary: Yen | null;
  other_cost: Yen | null;
  other_cost_label: string | null;
  /** JSON of the figures the sheet printed already derived. */
  reported: string;
  note: string | null;
  source_id: string;
}

export interface Database {
  organization: OrganizationTable;
  source_document: SourceDocumentTable;
  document_file: DocumentFileTable;
  source: SourceTable;
  plan: PlanTable;
  plan_statement: PlanStatementTable;
  node: NodeTable;
  node_link: NodeLinkTable;
  achievement: AchievementTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  reported_figure: ReportedFigureTable;
  evaluation: EvaluationTable;
  program_sheet: ProgramSheetTable;
}
