/**
 * A small, fictional dataset (サンプル町, not a real municipality) that uses every field of the model,
 * so store tests cover what the demo data may not. Nothing here describes Komoro.
 */
import {
  type OrganizationDocument,
  type OrganizationDocumentInput,
  organizationDocumentSchema,
} from '../../src/domain/model.ts';

const doc = 'sample-report';
const src = (line: number, quote: string) => ({ documentId: doc, line, quote });

const input: OrganizationDocumentInput = {
  organization: {
    id: 'sample-town',
    name: 'サンプル町',
    nameEn: 'Sample Town',
    kind: 'municipality',
    municipalityCode: null,
    prefecture: '架空県',
    url: 'https://example.org/',
  },
  documents: [
    {
      id: doc,
      title: 'サンプル報告書',
      publisher: 'サンプル町',
      publishedAt: '2020-01',
      file: 'documents/sample.txt',
    },
    { id: 'sample-web', title: 'ウェブ記事', publishedAt: 'FY2019', url: 'https://example.org/a' },
  ],
  plans: [
    {
      id: 'sample-later',
      title: '後の計画',
      kind: 'strategy',
      periodStart: '2024-04',
      periodEnd: '2028-04',
      publishedAt: '2024-02',
      source: src(1, '後の計画'),
      follows: 'sample-first',
      nodes: [
        {
          id: 'later-pillar',
          kind: 'pillar',
          title: '引き継ぐ柱',
          continues: ['first-policy-a', 'missing-elsewhere'],
          children: [
            { id: 'later-policy', kind: 'policy', title: '引き継ぐ施策', continues: ['first-policy-a'] },
          ],
        },
      ],
    },
    {
      id: 'sample-first',
      title: '最初の計画',
      titleEn: 'First plan',
      subtitle: '副題',
      kind: 'manifesto',
      periodStart: '2016-04',
      periodEnd: '2020-04',
      publishedAt: '2016-02-12',
      summary: '概要',
      source: {
        documentId: doc,
        section: '表紙',
        line: 2,
        page: 1,
        quote: '最初の計画',
        url: 'https://example.org/p',
      },
      statusVocabulary: [
        { code: 'done', label: '実現', labelEn: 'Done', color: '#197a4b', countsAsDone: true },
      ],
      achievementFormula: 'progress_from_baseline',
      ratingScale: {
        name: 'A-C',
        grades: [
          { grade: 'A', min: 1, label: '達成' },
          { grade: 'B', min: 0.5 },
        ],
        below: { grade: 'C' },
      },
      statements: [
        {
          id: 'first-vision',
          kind: 'vision',
          code: '一',
          title: 'ビジョン',
          body: '本文',
          source: src(3, 'ビジョン'),
        },
        { id: 'first-message', kind: 'message', title: 'メッセージ', source: { documentId: 'sample-web' } },
      ],
      nodes: [
        {
          id: 'first-pillar-1',
          kind: 'pillar',
          code: '1',
          title: '第一の柱',
          slogan: '標語',
          visionPhrase: 'まちの姿',
          description: '説明',
          source: src(4, '第一の柱'),
          children: [
            {
              id: 'first-policy-a',
              kind: 'policy',
              code: '●',
              title: '施策A',
              status: 'planned',
              statusDate: '2021-autumn',
              statusSource: src(5, 'R3秋完成予定'),
              achievements: [
                {
                  id: 'first-achievement-1',
                  title: '実績その1',
                  date: '2019-10-01',
                  dateBasis: 'event',
                  highlight: true,
                  details: ['一行目', '二行目'],
                  note: '注記',
                  source: src(6, '実績その1'),
                },
                { id: 'first-achievement-2', title: '実績その2', source: src(7, '実績その2') },
              ],
              indicators: [
                {
                  id: 'first-indicator-rate',
                  name: '割合',
                  nameEn: 'Rate',
                  unit: '%',
                  direction: 'increase',
                  highlight: true,
                  achievementFormula: 'ratio_to_target',
                  baseline: { value: 19.8, text: 'H27 19.8%', date: 'FY2015', source: src(8, '19.8%') },
                  target: { value: 45, date: 'FY2020', qualifier: 'at_least', source: src(8, '45%') },
                  observations: [
                    { value: 29.2, date: 'FY2018', source: src(9, '29.2%') },
                    {
                      id: 'first-rate-2019',
                      value: 30.5,
                      date: '<2020-01',
                      note: '速報',
                      source: src(9, '30.5%'),
                    },
                  ],
                  reported: [
                    {
                      kind: 'pointChange',
                      value: 9.4,
                      unit: 'ポイント',
                      text: '+9.4ポイント',
                      date: 'FY2018',
                      source: src(9, '9.4'),
                    },
                  ],
                  description: '説明',
                },
                {
                  id: 'first-indicator-rank',
                  name: '順位',
                  unit: '位',
                  kind: 'output',
                  direction: 'rank',
                  cumulative: true,
                  observations: [
                    { value: 25, date: '2019', rankOf: 812, source: src(10, '25位') },
                    { value: 61, date: '2019-12', outOf: 68.5, qualifier: 'about', source: src(10, '61') },
                  ],
                },
              ],
              evaluations: [
                {
                  id: 'first-evaluation',
                  fiscalYear: 2019,
                  evaluatedAt: '2020-01-15',
                  evaluatorKind: 'external',
                  evaluatorName: '委員会',
                  scale: '100点',
                  grade: 'A',
                  score: 87.5,
                  maxScore: 100,
                  comment: '講評',
                  nextStep: 'expand',
                  source: src(11, '87.5点'),
                },
                {
                  id: 'first-evaluation-2',
                  evaluatorKind: 'self',
                  evaluatorName: '町',
                  scale: 'A-C',
                  source: src(12, 'B'),
                },
              ],
              children: [{ id: 'first-program', kind: 'program', title: '事業', status: 'done' }],
            },
            { id: 'first-policy-b', kind: 'policy', code: '●', title: '施策B' },
          ],
        },
        { id: 'first-pillar-2', kind: 'pillar', code: '2', title: '第二の柱' },
      ],
    },
  ],
};

/** A fresh copy each call, so a test may change it freely. */
export function sampleDataset(): OrganizationDocument {
  return organizationDocumentSchema.parse(structuredClone(input));
}
