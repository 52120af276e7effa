/**
 * The web app over a small fictional dataset (評価テスト市, not a real municipality) whose plan and pillars carry
 * evaluations by several evaluators on different scales, for the 行政評価 page and report tests.
 */
import type { Hono } from 'hono';
import { type OrganizationDocumentInput, organizationDocumentSchema } from '../../src/domain/model.ts';
import { loadDataset, otherDemoDatasetDirs } from '../../src/io/dataset.ts';
import { createReadStore } from '../../src/store/queries.ts';
import type { ReadStore } from '../../src/store/read-store.ts';
import { createSearchStore } from '../../src/store/search/index.ts';
import { seedDocument } from '../../src/store/seed.ts';
import { createApp } from '../../src/web/app.tsx';
import { openMigratedSqlite } from './sqlite-templates.ts';

const src = (line: number, quote: string) => ({ documentId: 'evaluation-report', line, quote });

export const evaluationDataset: OrganizationDocumentInput = {
  organization: {
    id: 'evaluation-city',
    name: '評価テスト市',
    kind: 'municipality',
    municipalityCode: null,
    // The city's own words: 現状維持 where the glossary says 継続.
    nextStepVocabulary: [
      { code: 'expand', label: '拡充', labelEn: 'Expand', countsAsReview: false },
      { code: 'keep', label: '現状維持', labelEn: 'Keep as it is', countsAsReview: false },
      { code: 'improve', label: '改善', labelEn: 'Improve', countsAsReview: true },
      { code: 'reduce', label: '縮小', labelEn: 'Reduce', countsAsReview: true },
    ],
  },
  documents: [{ id: 'evaluation-report', title: '行政評価報告書（テスト）', publishedAt: '2021-10' }],
  plans: [
    {
      id: 'evaluation-plan',
      title: '評価テスト計画',
      kind: 'comprehensive_plan',
      periodStart: '2020-04',
      periodEnd: '2025-03',
      publishedAt: '2020-03',
      source: src(1, '評価テスト計画'),
      evaluations: [
        {
          id: 'plan-self-2020',
          fiscalYear: 2020,
          evaluatorKind: 'self',
          evaluatorName: '市長',
          scale: '100点満点',
          score: 85.3,
          maxScore: 100,
          scoreUnit: '点',
          source: src(2, '85.3点'),
        },
        {
          id: 'plan-external-2020',
          fiscalYear: 2020,
          evaluatorKind: 'external',
          evaluatorName: '総合計画審議会',
          scale: '100点満点',
          score: 72.5,
          maxScore: 100,
          scoreUnit: '点',
          source: src(3, '72.5点'),
        },
      ],
      nodes: [
        {
          id: 'evaluation-plan.p1',
          kind: 'pillar',
          code: '1',
          title: '子育ての柱',
          evaluations: [
            {
              id: 'p1-self-2020',
              fiscalYear: 2020,
              evaluatorKind: 'self',
              evaluatorName: '子育て支援課',
              scale: 'A-D',
              grade: 'A',
              nextStep: 'keep',
              source: src(10, 'A 現状維持'),
            },
            {
              id: 'p1-external-2020',
              fiscalYear: 2020,
              evaluatorKind: 'external',
              evaluatorName: '行政評価委員会',
              scale: '100点',
              score: 52.5,
              maxScore: 100,
              comment: '利用者の声を聞く仕組みが必要',
              nextStep: 'improve',
              source: src(11, '52.5点 改善'),
            },
            {
              id: 'p1-citizen-2021',
              fiscalYear: 2021,
              evaluatorKind: 'citizen',
              evaluatorName: '市民意識調査',
              scale: '◎○△×',
              grade: '○',
              source: src(12, '○'),
            },
          ],
          children: [
            {
              id: 'evaluation-plan.p1.a',
              kind: 'program',
              title: '放課後児童クラブ運営事業',
              department: 'こども政策課',
              indicators: [
                {
                  id: 'evaluation-plan.p1.a.i.rooms',
                  name: '開設クラブ数',
                  unit: 'クラブ',
                  kind: 'output',
                  direction: 'increase',
                  observations: [
                    { value: 100, date: 'FY2019', source: src(30, '100クラブ') },
                    { value: 95, date: 'FY2020', source: src(31, '95クラブ') },
                  ],
                },
              ],
              programSheets: [
                {
                  id: 'evaluation-plan.p1.a.sheet-2019',
                  fiscalYear: 2019,
                  target: '小学生とその保護者',
                  intent: '放課後を安心して過ごせる',
                  means: 'クラブを運営する',
                  unitCostIndicatorId: 'evaluation-plan.p1.a.i.rooms',
                  budgetInitial: 5_000_000,
                  budgetFinal: 5_200_000,
                  settlement: 4_940_000,
                  fundingNational: 1_000_000,
                  fundingGeneral: 3_940_000,
                  staffYears: 0.5,
                  averageSalary: 8_000_000,
                  source: src(32, '令和元年度'),
                },
                {
                  id: 'evaluation-plan.p1.a.sheet-2020',
                  fiscalYear: 2020,
                  unitCostIndicatorId: 'evaluation-plan.p1.a.i.rooms',
                  budgetInitial: 5_300_000,
                  budgetFinal: 5_300_000,
                  settlement: 5_035_000,
                  fundingGeneral: 5_035_000,
                  personnelCost: 4_000_000,
                  reported: [
                    { kind: 'totalCost', value: 9_035_000, unit: '円', text: '9,035千円' },
                    { kind: 'executionRate', value: 96, unit: '%', text: '96.0%' },
                  ],
                  source: src(33, '令和2年度'),
                },
              ],
              evaluations: [
                {
                  id: 'a-first-2020',
                  fiscalYear: 2020,
                  stage: 'first',
                  evaluatorKind: 'self',
                  evaluatorName: 'こども政策課',
                  scale: 'A-C',
                  grade: 'A',
                  viewpoints: [
                    { viewpoint: 'necessity', grade: 'A' },
                    { viewpoint: 'efficiency', grade: 'B' },
                  ],
                  nextStep: 'keep',
                  source: src(19, 'A 現状維持'),
                },
                {
                  id: 'a-internal-2020',
                  fiscalYear: 2020,
                  stage: 'second',
                  evaluatorKind: 'internal',
                  evaluatorName: '行政改革推進本部',
                  scale: 'A-C',
                  grade: 'B',
                  nextStep: 'reduce',
                  budgetEffect: { direction: 'decrease', amount: -1_200_000 },
                  source: src(20, 'B 縮小'),
                },
              ],
            },
          ],
        },
        { id: 'evaluation-plan.p2', kind: 'pillar', code: '2', title: '評価のない柱' },
      ],
    },
  ],
};

export interface EvaluationApp {
  app: Hono;
  store: ReadStore;
  close(): Promise<void>;
}

export async function openEvaluationApp(): Promise<EvaluationApp> {
  const handle = await openMigratedSqlite();
  await seedDocument(handle.db, organizationDocumentSchema.parse(evaluationDataset));
  const store = createReadStore(handle.db);
  return {
    app: createApp({ store, search: createSearchStore(handle.db) }),
    store,
    close: () => handle.close(),
  };
}

/** The app over the 枚方市 demo alone (its published review results), as `serve` seeds it beside Komoro. */
export async function openHirakataApp(): Promise<EvaluationApp> {
  return openOtherDemoApp('hirakata');
}

/** One of the demo's other organizations (data/demo/<name>) alone in a fresh database, served as the site. */
export async function openOtherDemoApp(name: string): Promise<EvaluationApp> {
  const handle = await openMigratedSqlite();
  const dir = otherDemoDatasetDirs.find((d) => d.includes(name)) ?? '';
  await seedDocument(handle.db, await loadDataset(dir));
  const store = createReadStore(handle.db);
  return {
    app: createApp({ store, search: createSearchStore(handle.db) }),
    store,
    close: () => handle.close(),
  };
}
