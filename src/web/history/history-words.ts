/** The history pages' own words, in both languages (the site's shared dictionary stays in src/web/i18n). */
import type { Revision } from '../../store/editing/contract.ts';
import { type Lang, nodeKindLabels } from '../i18n/index.ts';

export const historyWords = {
  ja: {
    history: '変更履歴',
    noChanges: '公開された変更はまだありません。',
    field: '項目',
    before: '変更前',
    after: '変更後',
    value: '内容',
    none: '（なし）',
    reason: '理由',
    by: '担当',
    removedMark: '削除した語',
    addedMark: '追加した語',
    broken: 'この変更履歴は壊れていて読めません',
    viewRecord: 'この項目のページ',
    recentChanges: '最近の変更',
    recentLead: '公開された変更を新しい順に並べています。下書きは含みません。',
    feed: 'Atom フィード（更新通知）',
    newer: '新しい変更',
    older: '以前の変更',
    pageOf: (page: number) => `${page}ページ目`,
    historyLink: '変更履歴',
    changedFields: '変更した項目',
    fileImport: (file: string) => `ファイル「${file}」の取り込み`,
  },
  en: {
    history: 'History',
    noChanges: 'No published changes yet.',
    field: 'Field',
    before: 'Before',
    after: 'After',
    value: 'Value',
    none: '(none)',
    reason: 'Reason',
    by: 'By',
    removedMark: 'removed words',
    addedMark: 'added words',
    broken: 'This revision is broken and cannot be read',
    viewRecord: 'Page of this item',
    recentChanges: 'Recent changes',
    recentLead: 'Published changes, newest first. Drafts are not included.',
    feed: 'Atom feed (updates)',
    newer: 'Newer changes',
    older: 'Older changes',
    pageOf: (page: number) => `page ${page}`,
    historyLink: 'History',
    changedFields: 'Fields changed',
    fileImport: (file: string) => `Import of the file “${file}”`,
  },
} as const;

const actionWords: Record<Lang, Record<string, string>> = {
  ja: { create: '追加', update: '変更', delete: '削除', import: '取り込み' },
  en: { create: 'Added', update: 'Changed', delete: 'Deleted', import: 'Imported' },
};

const publishWords: Record<Lang, { created: string; changed: string; deleted: string }> = {
  ja: { created: '新規に公開', changed: '変更を公開', deleted: '削除を公開' },
  en: { created: 'Published as new', changed: 'Change published', deleted: 'Removal published' },
};

/**
 * What a revision did, in words: a publish says whether it added, changed or removed the record.
 * @example actionLabel({ action: 'publish', before: null, after: {…} }, 'ja') // "新規に公開"
 */
export function actionLabel(revision: Pick<Revision, 'action' | 'before' | 'after'>, lang: Lang): string {
  if (revision.action !== 'publish') return actionWords[lang][revision.action] ?? revision.action;
  const words = publishWords[lang];
  if (revision.before === null) return words.created;
  if (revision.after === null) return words.deleted;
  return words.changed;
}

const entityWords: Record<Lang, Record<string, string>> = {
  ja: {
    plan: '計画',
    node: '項目',
    indicator: '指標',
    indicatorValue: '指標の値',
    achievement: '取り組み実績',
    evaluation: '評価',
    programSheet: '事務事業評価シート',
    source: '出典',
  },
  en: {
    plan: 'Plan',
    node: 'Item',
    indicator: 'Indicator',
    indicatorValue: 'Indicator value',
    achievement: 'Achievement',
    evaluation: 'Evaluation',
    programSheet: 'Programme sheet',
    source: 'Source',
  },
};

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** What kind of record it is, a node by its own kind (柱, 施策, 事業). */
export function entityLabel(entity: string, record: unknown, lang: Lang): string {
  const kind = asRecord(record).kind;
  if (entity === 'node' && typeof kind === 'string' && kind in nodeKindLabels[lang])
    return nodeKindLabels[lang][kind as keyof (typeof nodeKindLabels)['ja']];
  return entityWords[lang][entity] ?? entity;
}

/**
 * The name a reader knows a record by: its title or name (the English one on English pages when it has one),
 * else its id; `english` says whether the name is the English one, so Japanese can be marked lang="ja".
 */
export function recordName(
  record: unknown,
  fallback: string,
  lang: Lang,
): { name: string; english: boolean } {
  const fields = asRecord(record);
  const pick = (...keys: string[]) =>
    keys
      .map((key) => fields[key])
      .find((value): value is string => typeof value === 'string' && value !== '');
  const english = lang === 'en' ? pick('titleEn', 'nameEn') : undefined;
  if (english) return { name: english, english: true };
  return { name: pick('title', 'name', 'text', 'quote', 'evaluatorName') ?? fallback, english: false };
}

/** The record as it stands after the revision, or as it was before a delete. */
export const latestState = (revision: Pick<Revision, 'before' | 'after'>): unknown =>
  revision.after ?? revision.before;
