/**
 * The words a citizen reads for a record's fields and coded values on the public history pages, in the page's
 * language: 出典資料 / Source document for `source.documentId`, 完了 / Done for `status: done`.
 */
import type { StatusDefinition } from '../../domain/model.ts';
import { defaultStatusVocabulary, findStatus } from '../../domain/status.ts';
import {
  directionLabels,
  evaluatorKindLabels,
  type Lang,
  nodeKindLabels,
  planKindLabels,
} from '../i18n/index.ts';

type Words = Record<Lang, string>;

const fields: Record<string, Words> = {
  id: { ja: 'ID', en: 'ID' },
  organizationId: { ja: '団体', en: 'Organization' },
  planId: { ja: '計画', en: 'Plan' },
  nodeId: { ja: '項目', en: 'Item' },
  parentId: { ja: '上位の項目', en: 'Parent item' },
  indicatorId: { ja: '指標', en: 'Indicator' },
  title: { ja: '名称', en: 'Title' },
  titleEn: { ja: '英語の名称', en: 'Title in English' },
  name: { ja: '指標名', en: 'Name' },
  nameEn: { ja: '英語の指標名', en: 'Name in English' },
  subtitle: { ja: '副題', en: 'Subtitle' },
  kind: { ja: '種類', en: 'Kind' },
  code: { ja: '番号', en: 'Number' },
  position: { ja: '並び順', en: 'Order' },
  periodStart: { ja: '期間の始まり', en: 'Period start' },
  periodEnd: { ja: '期間の終わり', en: 'Period end' },
  publishedAt: { ja: '公表日', en: 'Published' },
  summary: { ja: '概要', en: 'Summary' },
  description: { ja: '説明', en: 'Description' },
  slogan: { ja: 'スローガン', en: 'Slogan' },
  visionPhrase: { ja: 'めざす姿', en: 'Vision' },
  status: { ja: '状況', en: 'Status' },
  statusDate: { ja: '状況の日付', en: 'Status date' },
  department: { ja: '所管課', en: 'Department' },
  follows: { ja: '前の計画', en: 'Follows plan' },
  statusVocabulary: { ja: '状況の語彙', en: 'Status vocabulary' },
  achievementFormula: { ja: '達成率の計算式', en: 'Achievement formula' },
  ratingScale: { ja: '評価の閾値', en: 'Rating thresholds' },
  reported: { ja: '公表された数値', en: 'Figures as published' },
  unit: { ja: '単位', en: 'Unit' },
  direction: { ja: '方向', en: 'Direction' },
  cumulative: { ja: '累計', en: 'Cumulative' },
  highlight: { ja: '見出しに表示', en: 'Highlighted' },
  role: { ja: '値の種別', en: 'Value kind' },
  value: { ja: '値', en: 'Value' },
  text: { ja: '資料での表記', en: 'As printed' },
  date: { ja: '日付', en: 'Date' },
  qualifier: { ja: '約・以上など', en: 'Qualifier' },
  outOf: { ja: '母数', en: 'Out of' },
  rankOf: { ja: '順位の母数', en: 'Rank out of' },
  note: { ja: '注記', en: 'Note' },
  dateBasis: { ja: '日付の根拠', en: 'Date basis' },
  details: { ja: '詳細', en: 'Details' },
  stage: { ja: '評価の段階', en: 'Evaluation stage' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  evaluatedAt: { ja: '評価日', en: 'Evaluated on' },
  evaluatorKind: { ja: '評価者の種類', en: 'Evaluator kind' },
  evaluatorName: { ja: '評価者', en: 'Evaluator' },
  scale: { ja: '評価の尺度', en: 'Scale' },
  grade: { ja: '評価', en: 'Grade' },
  score: { ja: '点数', en: 'Score' },
  maxScore: { ja: '満点', en: 'Maximum score' },
  scoreUnit: { ja: '点数の単位', en: 'Score unit' },
  comment: { ja: '所見', en: 'Comment' },
  nextStep: { ja: '今後の方向性', en: 'Next step' },
  viewpoints: { ja: '観点ごとの評価', en: 'Viewpoint grades' },
  budgetEffect: { ja: '予算への反映', en: 'Budget effect' },
  signedBy: { ja: '署名者', en: 'Signed by' },
  signedAt: { ja: '署名日時', en: 'Signed at' },
  target: { ja: '対象', en: 'Target group' },
  intent: { ja: '意図', en: 'Intent' },
  means: { ja: '手段', en: 'Means' },
  targetIndicatorIds: { ja: '対象指標', en: 'Target indicators' },
  activityIndicatorIds: { ja: '活動指標', en: 'Activity indicators' },
  outcomeIndicatorIds: { ja: '成果指標', en: 'Outcome indicators' },
  unitCostIndicatorId: { ja: '単位コストの指標', en: 'Unit cost indicator' },
  budgetInitial: { ja: '当初予算（円）', en: 'Initial budget (yen)' },
  budgetSupplementary: { ja: '補正予算（円）', en: 'Supplementary budget (yen)' },
  budgetFinal: { ja: '最終予算（円）', en: 'Final budget (yen)' },
  settlement: { ja: '決算（円）', en: 'Settlement (yen)' },
  fundingNational: { ja: '国庫支出金（円）', en: 'National funds (yen)' },
  fundingPrefectural: { ja: '県支出金（円）', en: 'Prefectural funds (yen)' },
  fundingBonds: { ja: '地方債（円）', en: 'Bonds (yen)' },
  fundingOther: { ja: 'その他の財源（円）', en: 'Other funds (yen)' },
  fundingGeneral: { ja: '一般財源（円）', en: 'General funds (yen)' },
  personnelCost: { ja: '人件費（円）', en: 'Personnel cost (yen)' },
  staffYears: { ja: '人工', en: 'Staff years' },
  averageSalary: { ja: '平均給与（円）', en: 'Average salary (yen)' },
  otherCost: { ja: 'その他のコスト（円）', en: 'Other cost (yen)' },
  otherCostLabel: { ja: 'その他のコストの内容', en: 'Other cost item' },
  // A source reference's own fields, and a source row's.
  documentId: { ja: '資料', en: 'Document' },
  section: { ja: '見出し', en: 'Section' },
  line: { ja: '行', en: 'Line' },
  page: { ja: 'ページ', en: 'Page' },
  quote: { ja: '引用', en: 'Quote' },
  url: { ja: 'URL', en: 'URL' },
};

/** The groups a record nests (`source.line`), named so that the whole reads as one phrase. */
const groups: Record<string, { words: Words; fields: Record<string, Words> }> = {
  source: {
    words: { ja: '出典', en: 'Source' },
    fields: {
      documentId: { ja: '出典資料', en: 'Source document' },
      section: { ja: '出典の見出し', en: 'Source section' },
      line: { ja: '出典の行', en: 'Source line' },
      page: { ja: '出典のページ', en: 'Source page' },
      quote: { ja: '出典の引用', en: 'Source quote' },
      url: { ja: '出典のURL', en: 'Source URL' },
    },
  },
  statusSource: {
    words: { ja: '状況の根拠', en: 'Status source' },
    fields: {
      documentId: { ja: '状況の根拠資料', en: 'Status source document' },
      section: { ja: '状況の根拠の見出し', en: 'Status source section' },
      line: { ja: '状況の根拠の行', en: 'Status source line' },
      page: { ja: '状況の根拠のページ', en: 'Status source page' },
      quote: { ja: '状況の根拠の引用', en: 'Status source quote' },
      url: { ja: '状況の根拠のURL', en: 'Status source URL' },
    },
  },
};

/**
 * A field's name in the page's language; a nested one reads as a phrase, an unknown one keeps its path.
 * @example fieldLabel('source.documentId', 'ja') // "出典資料"
 * @example fieldLabel('reported.rate', 'en') // "Figures as published: rate"
 */
export function fieldLabel(path: string, lang: Lang): string {
  const [head = '', ...rest] = path.split('.');
  const group = groups[head];
  if (group && rest.length === 1) {
    const words = group.fields[rest[0] ?? ''];
    if (words) return words[lang];
  }
  const words = fields[head] ?? group?.words;
  if (!words) return path;
  return rest.length === 0 ? words[lang] : `${words[lang]}: ${rest.join('.')}`;
}

const yesNo: Record<Lang, Record<string, string>> = {
  ja: { true: 'はい', false: 'いいえ' },
  en: { true: 'Yes', false: 'No' },
};

const valueWords: Record<string, Record<Lang, Readonly<Record<string, string>>>> = {
  direction: directionLabels,
  evaluatorKind: evaluatorKindLabels,
  cumulative: yesNo,
  highlight: yesNo,
  role: {
    ja: { observation: '実績値', baseline: '基準値', target: '目標値' },
    en: { observation: 'Observed value', baseline: 'Baseline', target: 'Target' },
  },
  dateBasis: {
    ja: { event: '実施日', reported: '報告日' },
    en: { event: 'Date of the event', reported: 'Date of the report' },
  },
  nextStep: {
    ja: {
      expand: '拡充',
      continue: '継続',
      improve: '改善',
      reduce: '縮小',
      abolish: '廃止',
      complete: '完了',
    },
    en: {
      expand: 'Expand',
      continue: 'Continue',
      improve: 'Improve',
      reduce: 'Reduce',
      abolish: 'Abolish',
      complete: 'Complete',
    },
  },
};

/** `kind` means a plan's kind on a plan and a node's kind on a node. */
function kindWords(entity: string, lang: Lang): Readonly<Record<string, string>> {
  if (entity === 'plan') return planKindLabels[lang];
  if (entity === 'node') return nodeKindLabels[lang];
  return {};
}

/**
 * A coded value in words (`done` → 完了 / Done); anything else as stored.
 * @example valueLabel('node', 'status', 'done', 'ja') // "完了"
 */
export function valueLabel(
  entity: string,
  field: string,
  value: string,
  lang: Lang,
  vocabulary: readonly StatusDefinition[] = defaultStatusVocabulary,
): string {
  if (field === 'status') {
    const status = vocabulary.find((s) => s.code === value) ?? findStatus(defaultStatusVocabulary, value);
    if (status.code === value) return lang === 'en' ? status.labelEn : status.label;
    return value;
  }
  const words = field === 'kind' ? kindWords(entity, lang) : valueWords[field]?.[lang];
  return words?.[value] ?? value;
}
