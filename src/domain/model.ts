/**
 * The domain model, in the glossary's words (../shared/GLOSSARY.md).
 *
 * These zod schemas are the one source of every shape: the demo YAML files, the JSON interchange
 * format, the store's read results and the API's bodies all use them. Types are derived with z.infer.
 * A whole organization is one `OrganizationDocument`: organization → documents (evidence) → plans →
 * nested nodes, each node carrying its achievements and indicators.
 */
import { z } from 'zod';
import { municipalityCodeString } from './municipality-code.ts';
import { partialDateString } from './partial-date.ts';
import { idText, longText, shortText } from './text-limits.ts';
import { webUrl } from './web-url.ts';

/** Stable, readable keys: imports match on them, URLs show them. */
export const recordId = idText.regex(
  /^[a-z0-9][a-z0-9._-]*$/,
  'ID は英小文字・数字・. _ - のみ (id: lowercase letters, digits, . _ -)',
);

export const planKinds = ['manifesto', 'comprehensive_plan', 'strategy', 'record'] as const;
export const nodeKinds = ['pillar', 'policy', 'program'] as const;
/**
 * Which way an indicator should move. 'unspecified': the source states none (a 事務事業評価シート's 活動・対象・成果指標
 * often do not), so no rate, grade or trend verdict is computed from it, only the change between its values.
 */
export const directions = ['increase', 'decrease', 'maintain', 'rank', 'unspecified'] as const;
/** 成果指標, 活動指標, and 対象指標 (how many the program serves: 対象者数, 対象施設数), as a 事務事業評価シート names them. */
export const indicatorKinds = ['outcome', 'output', 'target'] as const;
export const achievementFormulas = ['ratio_to_target', 'progress_from_baseline', 'cagr'] as const;
export const statementKinds = ['vision', 'principle', 'message'] as const;
export const valueQualifiers = ['about', 'over', 'at_least', 'under', 'more_than'] as const;
export const reportedFigureKinds = [
  'ratio',
  'percentChange',
  'pointChange',
  'difference',
  'achievementRate',
] as const;
/** Who published a document: the organization itself, a campaign, the press, a third party, or a file staff imported. */
export const documentKinds = ['official', 'campaign', 'press', 'third_party', 'upload'] as const;
export const evaluatorKinds = ['self', 'internal', 'external', 'citizen'] as const;
/** The default 今後の方向性 codes; an organization may configure its own (`nextStepVocabulary`). */
export const nextSteps = ['expand', 'continue', 'improve', 'reduce', 'abolish', 'complete'] as const;
/** The yearly cycle: 一次評価 (department), 二次評価 (management), 外部評価 (committee), 最終判断. */
export const evaluationStages = ['first', 'second', 'external', 'final'] as const;
export type EvaluationStage = (typeof evaluationStages)[number];
/** 財源: 国庫支出金, 県支出金, 地方債, その他, 一般財源. */
export const fundingSources = ['national', 'prefectural', 'bonds', 'other', 'general'] as const;
export type FundingSource = (typeof fundingSources)[number];
export const budgetEffectDirections = ['increase', 'unchanged', 'decrease', 'abolish'] as const;
/**
 * Figures a 事務事業評価 sheet prints already derived, kept beside what the engine computes; and the two staffing
 * figures some sheets print instead of 人工 (従事職員数 in 人, 延べ業務時間 in 時間), kept as printed since neither
 * converts to 人工 without a rule the sheet does not give.
 */
export const programFigureKinds = [
  'programCost',
  'personnelCost',
  'totalCost',
  'unitCost',
  'executionRate',
  'percentChange',
  'staffCount',
  'staffHours',
] as const;
/** Rollups a plan's evaluation report prints: 「実施率78%」, 「A評価54.4%」, 「改善 12件」, 予算への反映の合計, a total score. */
export const planFigureKinds = [
  'implementationRate',
  'gradeShare',
  'directionCount',
  'budgetEffectTotal',
  'totalScore',
] as const;

/** Where a fact or value comes from: a document and, inside it, the section, line and words. */
export const sourceRefSchema = z.object({
  documentId: recordId,
  section: shortText.optional(),
  /** 1-based line in the document's text file, so a reader can find the words. */
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  /** The words of the source, exactly as printed (after OCR). */
  quote: longText.optional(),
  url: webUrl.optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const sourceDocumentSchema = z.object({
  id: recordId,
  title: shortText.min(1),
  publisher: shortText.optional(),
  /** Absent for documents recorded before kinds were (the demo's are all the city's own or the mayor's). */
  kind: z.enum(documentKinds).optional(),
  publishedAt: partialDateString,
  /** Path of the document's text, relative to the dataset folder. */
  file: shortText.optional(),
  url: webUrl.optional(),
  note: longText.optional(),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

export const statusDefinitionSchema = z.object({
  code: shortText.regex(/^[a-z_]+$/),
  label: shortText.min(1),
  labelEn: shortText.min(1),
  /** A CSS colour, from the Digital Agency palette by default. */
  color: shortText,
  countsAsDone: z.boolean(),
});
export type StatusDefinition = z.infer<typeof statusDefinitionSchema>;

/** A grade table: the first grade whose minimum the rate reaches (rates as fractions: 1.0 = 100%). */
export const ratingScaleSchema = z.object({
  /** Optional so that tables written before the baseline-relative variant still parse. */
  kind: z.literal('threshold').optional(),
  name: shortText,
  grades: z.array(z.object({ grade: shortText, min: z.number(), label: shortText.optional() })).min(1),
  below: z.object({ grade: shortText, label: shortText.optional() }),
});
export type RatingScale = z.infer<typeof ratingScaleSchema>;

export const baselineRelativeConditions = [
  'reached_target',
  'better_than_baseline',
  'near_baseline',
  'worse_than_baseline',
] as const;

/** Grades by where the actual value stands against target and baseline; rules are tried in order. */
export const baselineRelativeScaleSchema = z.object({
  kind: z.literal('baseline_relative'),
  name: shortText,
  rules: z
    .array(
      z.object({
        when: z.enum(baselineRelativeConditions),
        grade: shortText,
        label: shortText.optional(),
        /** For near_baseline: how far from the baseline still counts as level, as a fraction (0.1 = ±10%). */
        tolerance: z.number().nonnegative().default(0.1),
      }),
    )
    .min(1),
});
export type BaselineRelativeScale = z.infer<typeof baselineRelativeScaleSchema>;

/** What a plan grades its indicators by: a threshold table (A–D, S–D, ◎○△×) or baseline-relative rules. */
export const planRatingScaleSchema = z.union([ratingScaleSchema, baselineRelativeScaleSchema]);
export type PlanRatingScale = z.infer<typeof planRatingScaleSchema>;

/**
 * 指標の値 (indicatorValue): a number as a source printed it, with when, how exact and where it is written. The one
 * record behind an indicator's 基準値 (baseline), 目標値 (target) and 実績値 (observations), stored in `indicator_value`.
 */
export const indicatorValueSchema = z.object({
  value: z.number(),
  /** The words as printed, e.g. "3億4300万" or "H27 19.8%". */
  text: shortText.optional(),
  date: partialDateString.nullable(),
  qualifier: z.enum(valueQualifiers).nullable().default(null),
  /** The whole of a count-of-total value: 61 of 68 区. */
  outOf: z.number().positive().nullable().default(null),
  /** The field of a rank: 25位 of 812. */
  rankOf: z.number().int().positive().nullable().default(null),
  source: sourceRefSchema,
  note: longText.optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** An indicator value in the role 実績値 (observation), one of a time series, so it may carry its own id. */
export const observationSchema = indicatorValueSchema.extend({ id: recordId.optional() });
export type Observation = z.infer<typeof observationSchema>;

/** A figure the source printed already derived (−12.81%), kept as reported, never recomputed. */
export const reportedFigureSchema = z.object({
  kind: z.enum(reportedFigureKinds),
  value: z.number(),
  unit: shortText,
  text: shortText,
  date: partialDateString.nullable(),
  qualifier: z.enum(valueQualifiers).nullable().default(null),
  source: sourceRefSchema,
});
export type ReportedFigure = z.infer<typeof reportedFigureSchema>;

export const indicatorSchema = z.object({
  id: recordId,
  name: shortText.min(1),
  nameEn: shortText.optional(),
  /** '' for a dimensionless number (合計特殊出生率 1.36, 倍率, 指数): nothing is printed after the value. */
  unit: shortText,
  kind: z.enum(indicatorKinds).default('outcome'),
  direction: z.enum(directions),
  /** true when each value is a running total over a period (累計). */
  cumulative: z.boolean().default(false),
  /** Shown as a headline figure on the home page and the report cover. */
  highlight: z.boolean().default(false),
  achievementFormula: z.enum(achievementFormulas).nullable().default(null),
  baseline: indicatorValueSchema.nullable().default(null),
  target: indicatorValueSchema.nullable().default(null),
  observations: z.array(observationSchema).default([]),
  reported: z.array(reportedFigureSchema).default([]),
  description: longText.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;

export const achievementSchema = z.object({
  id: recordId,
  title: shortText.min(1),
  /** 'event': when it happened; 'reported': only known to be done by the report's date. */
  date: partialDateString.nullable().default(null),
  dateBasis: z.enum(['event', 'reported']).default('reported'),
  highlight: z.boolean().default(false),
  /** Bullet lines of a boxed highlight. */
  details: z.array(longText).default([]),
  note: longText.optional(),
  source: sourceRefSchema,
});
export type Achievement = z.infer<typeof achievementSchema>;

/**
 * Yen as integers. Within ±2^53 so a JavaScript number holds it exactly; stored as bigint on PostgreSQL.
 * @example yenAmount.parse(12_345_000) // 12345000
 */
export const yenAmount = z
  .number()
  .int('金額は円単位の整数です (amounts are whole yen)')
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER);

/** A code of an organization's vocabulary (nextStep, viewpoint): lowercase letters, digits and _. */
export const vocabularyCode = shortText.regex(
  /^[a-z][a-z0-9_]*$/,
  'コードは英小文字・数字・_ のみ (code: lowercase letters, digits, _)',
);

/** One 観点 an organization grades its programs on (必要性, 有効性 …). */
export const viewpointDefinitionSchema = z.object({
  code: vocabularyCode,
  label: shortText.min(1),
  labelEn: shortText.min(1),
});
export type ViewpointDefinition = z.infer<typeof viewpointDefinitionSchema>;

/** One 今後の方向性 of an organization's own wording, in its order; `countsAsReview` marks 見直し. */
export const nextStepDefinitionSchema = z.object({
  code: vocabularyCode,
  label: shortText.min(1),
  labelEn: shortText.min(1),
  countsAsReview: z.boolean(),
});
export type NextStepDefinition = z.infer<typeof nextStepDefinitionSchema>;

/** A grade and comment on one viewpoint of a program (必要性: A「市民ニーズが高い」). */
export const viewpointGradeSchema = z.object({
  viewpoint: vocabularyCode,
  grade: shortText.nullable().default(null),
  comment: longText.optional(),
});
export type ViewpointGrade = z.infer<typeof viewpointGradeSchema>;

/** 予算への反映: the direction, and the amount (yen, signed) carried into next year's budget. */
export const budgetEffectSchema = z.object({
  direction: z.enum(budgetEffectDirections),
  amount: yenAmount.nullable().default(null),
  text: shortText.optional(),
});
export type BudgetEffect = z.infer<typeof budgetEffectSchema>;

export const evaluationSchema = z.object({
  id: recordId,
  fiscalYear: z.number().int().nullable().default(null),
  evaluatedAt: partialDateString.nullable().default(null),
  evaluatorKind: z.enum(evaluatorKinds),
  evaluatorName: shortText,
  /** The scale's name, e.g. "A-D", "◎○△×", "100点". */
  scale: shortText,
  grade: shortText.nullable().default(null),
  score: z.number().nullable().default(null),
  maxScore: z.number().nullable().default(null),
  /** The score's own unit: 点, %, or null for a grade. */
  scoreUnit: shortText.nullable().default(null),
  comment: longText.optional(),
  /** A code of the organization's 今後の方向性 vocabulary (default: nextSteps). */
  nextStep: vocabularyCode.nullable().default(null),
  /** The stage of the yearly cycle, or null for an evaluation outside it (a citizen survey, a plan's own score). */
  stage: z.enum(evaluationStages).nullable().default(null),
  viewpoints: z.array(viewpointGradeSchema).nullable().default(null),
  budgetEffect: budgetEffectSchema.nullable().default(null),
  /** Who signed the stage (a login) and when (ISO); a signed stage is final and cannot be signed again. */
  signedBy: shortText.nullable().default(null),
  signedAt: shortText.nullable().default(null),
  source: sourceRefSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** A figure a source printed already derived (a sheet's トータルコスト, a plan's 「実施率78%」), kept as reported. */
const printedFigure = {
  value: z.number(),
  unit: shortText,
  text: shortText,
  note: longText.optional(),
};

export const programFigureSchema = z.object({
  kind: z.enum(programFigureKinds),
  ...printedFigure,
  /** Where it is printed; absent means the sheet's own source. */
  source: sourceRefSchema.optional(),
});
export type ProgramFigure = z.infer<typeof programFigureSchema>;

/**
 * 事務事業評価シート: one program's fiscal year, its money (yen) and what the sheet says.
 * 事業費 by 財源 is on the settlement basis once settled, the budget basis before; 人件費 is an amount or
 * 人工 × average salary.
 */
export const programSheetSchema = z.object({
  id: recordId,
  fiscalYear: z.number().int().min(1900).max(2200),
  /** 対象・意図・手段. */
  target: longText.optional(),
  intent: longText.optional(),
  means: longText.optional(),
  /** The sheet's indicators by role, in its order: 対象指標, 活動指標, 成果指標. */
  targetIndicatorIds: z.array(recordId).default([]),
  activityIndicatorIds: z.array(recordId).default([]),
  outcomeIndicatorIds: z.array(recordId).default([]),
  /** The activity indicator 単位コスト is counted against. */
  unitCostIndicatorId: recordId.nullable().default(null),
  budgetInitial: yenAmount.nullable().default(null),
  budgetSupplementary: yenAmount.nullable().default(null),
  budgetFinal: yenAmount.nullable().default(null),
  settlement: yenAmount.nullable().default(null),
  fundingNational: yenAmount.nullable().default(null),
  fundingPrefectural: yenAmount.nullable().default(null),
  fundingBonds: yenAmount.nullable().default(null),
  fundingOther: yenAmount.nullable().default(null),
  fundingGeneral: yenAmount.nullable().default(null),
  personnelCost: yenAmount.nullable().default(null),
  staffYears: z.number().nonnegative().nullable().default(null),
  averageSalary: yenAmount.nullable().default(null),
  /** What else the organization counts into トータルコスト (減価償却費 …), with its words. */
  otherCost: yenAmount.nullable().default(null),
  otherCostLabel: shortText.optional(),
  reported: z.array(programFigureSchema).default([]),
  note: longText.optional(),
  source: sourceRefSchema,
});
export type ProgramSheet = z.infer<typeof programSheetSchema>;
export type ProgramSheetInput = z.input<typeof programSheetSchema>;

/** A plan-level rollup as published: 「実施率78%」, 「A評価54.4%」, 「改善 12件」. */
export const planFigureSchema = z.object({
  kind: z.enum(planFigureKinds),
  label: shortText.min(1),
  fiscalYear: z.number().int().nullable().default(null),
  /** For gradeShare: the grade counted; for directionCount: the nextStep code. */
  grade: shortText.optional(),
  nextStep: vocabularyCode.optional(),
  ...printedFigure,
  source: sourceRefSchema,
});
export type PlanFigure = z.infer<typeof planFigureSchema>;

/** A node of a plan's tree (pillar, policy, measure…): recursive through `children`, so its type is read from it. */
export const nodeSchema = z.object({
  id: recordId,
  kind: z.enum(nodeKinds),
  /** The label printed before the title: "1", "①", "●". */
  code: shortText.optional(),
  title: shortText.min(1),
  titleEn: shortText.optional(),
  slogan: shortText.optional(),
  visionPhrase: shortText.optional(),
  description: longText.optional(),
  /** A code of the plan's status vocabulary, or null where the source does not say. */
  status: shortText.nullable().default(null),
  /** When the status holds or is due, e.g. "2021-autumn" for R3秋完成予定. */
  statusDate: partialDateString.nullable().default(null),
  statusSource: sourceRefSchema.optional(),
  /** 所管課: the department responsible, as the organization names it. */
  department: shortText.optional(),
  /** Ids of nodes in earlier plans this node carries on. */
  continues: z.array(recordId).default([]),
  source: sourceRefSchema.optional(),
  achievements: z.array(achievementSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  evaluations: z.array(evaluationSchema).default([]),
  programSheets: z.array(programSheetSchema).default([]),
  get children(): z.ZodDefault<z.ZodArray<typeof nodeSchema>> {
    return z.array(nodeSchema).default([]);
  },
});
export type PlanNode = z.infer<typeof nodeSchema>;

export const planStatementSchema = z.object({
  id: recordId,
  kind: z.enum(statementKinds),
  code: shortText.optional(),
  title: shortText,
  body: longText.optional(),
  source: sourceRefSchema,
});
export type PlanStatement = z.infer<typeof planStatementSchema>;

export const planSchema = z.object({
  id: recordId,
  title: shortText.min(1),
  titleEn: shortText.optional(),
  subtitle: shortText.optional(),
  kind: z.enum(planKinds),
  periodStart: partialDateString,
  periodEnd: partialDateString,
  publishedAt: partialDateString,
  summary: longText.optional(),
  source: sourceRefSchema,
  /** Null means the glossary's default vocabulary. */
  statusVocabulary: z.array(statusDefinitionSchema).nullable().default(null),
  achievementFormula: z.enum(achievementFormulas).default('ratio_to_target'),
  ratingScale: planRatingScaleSchema.nullable().default(null),
  /** The plan this one follows on from (こもろ未来プロジェクト → 2024). */
  follows: recordId.nullable().default(null),
  /** Published rollups of the plan's evaluation (実施率, A評価の割合 …); absent when none. */
  reported: z.array(planFigureSchema).optional(),
  statements: z.array(planStatementSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
  /** Evaluations of the plan itself: a committee's total, the administration's own score, a citizen survey. */
  evaluations: z.array(evaluationSchema).default([]),
});
export type Plan = z.infer<typeof planSchema>;

export const organizationSchema = z.object({
  id: recordId,
  name: shortText.min(1),
  nameEn: shortText.optional(),
  kind: z.enum(['municipality', 'prefecture', 'office']),
  /** 全国地方公共団体コード, 6 digits with its check digit. */
  municipalityCode: municipalityCodeString.nullable().default(null),
  prefecture: shortText.optional(),
  url: webUrl.optional(),
  /** 観点 of its 事務事業評価; null means defaultViewpoints. */
  evaluationViewpoints: z.array(viewpointDefinitionSchema).min(1).nullable().default(null),
  /** Its 今後の方向性 wording and order; null means defaultNextSteps. */
  nextStepVocabulary: z.array(nextStepDefinitionSchema).min(1).nullable().default(null),
});
export type Organization = z.infer<typeof organizationSchema>;

/** Where the history's hash chain ended when a document was written (see docs/history-verification.md). */
export const chainHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** One organization's whole dataset: the demo files and the JSON interchange format. */
export const organizationDocumentSchema = z.object({
  formatVersion: z.literal(1).default(1),
  organization: organizationSchema,
  documents: z.array(sourceDocumentSchema).default([]),
  plans: z.array(planSchema).default([]),
  /** Written by exports for `mieruka verify --head`; an import ignores it (the importing site has its own chain). */
  historyHead: chainHeadSchema.optional(),
});
export type OrganizationDocument = z.infer<typeof organizationDocumentSchema>;
export type OrganizationDocumentInput = z.input<typeof organizationDocumentSchema>;
