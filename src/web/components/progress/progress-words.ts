/** The words of the progress summaries in Japanese and English (kept apart from the site dictionary). */
import type { Lang } from '../../i18n/index.ts';

export interface ProgressWords {
  coverage: (rated: number, total: number) => string;
  unassessed: (count: number) => string;
  doneCount: (label: string, count: number) => string;
  nothingRated: (total: number) => string;
  notStarted: (start: string) => string;
  allNotYet: (count: number, labels: string) => string;
  rate: string;
  rateOver: (done: number, rated: number) => string;
  rateNotHeadline: (rate: string, done: number, rated: number) => string;
  carried: (count: number) => string;
  achievements: string;
  items: string;
  howCounted: string;
  statusSources: string;
  achievementSources: string;
  noStatusSource: string;
  noAchievement: string;
  laterStatus: (planTitle: string, status: string) => string;
  laterEvidence: string;
  /** A program without a progress status that has evaluations: 「未評価」 would contradict them. */
  noProgressRating: string;
  evaluated: string;
}

export const progressWords: Record<Lang, ProgressWords> = {
  ja: {
    coverage: (rated, total) => `評価済み ${rated} / ${total}件`,
    unassessed: (count) => `未評価 ${count}件`,
    doneCount: (label, count) => `${label} ${count}件`,
    nothingRated: (total) => `${total}件のどれにも、まだ状況が示されていません。`,
    notStarted: (start) => `この計画の期間は${start}からで、まだ始まっていません。`,
    allNotYet: (count, labels) =>
      `まだ始まっていません。${count}件すべてが${labels}で、取り組み実績の記録もありません。`,
    rate: '実施率',
    rateOver: (done, rated) => `（評価済み${rated}件のうち${done}件）`,
    rateNotHeadline: (rate, done, rated) =>
      `評価済みが半分未満のため実施率は見出しにしません（参考: 評価済み${rated}件のうち${done}件、${rate}）。`,
    carried: (count) => `うち${count}件は後の計画での状況`,
    achievements: '取り組み実績',
    items: '件',
    howCounted: '集計方法',
    statusSources: '状況の出典',
    achievementSources: '取り組み実績の出典',
    noStatusSource: '状況を示した資料はありません',
    noAchievement: '記録された取り組み実績はありません',
    laterStatus: (planTitle, status) => `「${planTitle}」で${status}`,
    laterEvidence: '後の計画での根拠',
    noProgressRating: '進捗の判定なし',
    evaluated: '行政評価あり',
  },
  en: {
    coverage: (rated, total) => `Assessed: ${rated} of ${total}`,
    unassessed: (count) => `not assessed: ${count}`,
    doneCount: (label, count) => `${label}: ${count}`,
    nothingRated: (total) => `None of the ${total} items has a stated status yet.`,
    notStarted: (start) => `This plan runs from ${start}; it has not started yet.`,
    allNotYet: (count, labels) =>
      `Not started yet: all ${count} items are ${labels}, and no achievement is recorded.`,
    rate: 'Implementation rate',
    rateOver: (done, rated) => ` (${done} of the ${rated} assessed)`,
    rateNotHeadline: (rate, done, rated) =>
      `Fewer than half are assessed, so the implementation rate is not a headline (for reference: ${done} of the ${rated} assessed, ${rate}).`,
    carried: (count) => `${count} by a later plan`,
    achievements: 'achievements:',
    items: '',
    howCounted: 'How it is counted',
    statusSources: 'Statuses from',
    achievementSources: 'Achievements from',
    noStatusSource: 'no document states a status',
    noAchievement: 'no achievement recorded',
    laterStatus: (planTitle, status) => `${status} in “${planTitle}”`,
    laterEvidence: 'Evidence in the later plan',
    noProgressRating: 'No progress rating',
    evaluated: 'evaluated',
  },
};
