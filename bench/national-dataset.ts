/**
 * A synthetic national dataset in the JSON interchange format: one document per municipality of the shipped list
 * (data/municipalities/municipalities.csv, real 団体コード and names), each with two plans (a ten-year
 * 総合計画 and a mayor's manifesto), 300 indicators between them and, for every indicator, a baseline, a target and
 * ten fiscal years of values (FY2015–FY2024). The plans and numbers are generated, deterministic per code, and
 * say so in their document's title: no organization's real data.
 * Run: npx tsx bench/national-dataset.ts <out-dir> [count]   (writes <out-dir>/<code>.json, default all 1,741)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganizationDocumentInput } from '../src/domain/model.ts';
import { type Municipality, readMunicipalities } from './municipalities.ts';

/** What one organization holds; the benchmark prints it beside its figures. */
export const nationalShape = {
  plans: 2,
  /** 総合計画: 6 pillars × 5 policies × 8 indicators; manifesto: 4 pillars × 3 policies × 5 indicators. */
  indicators: 6 * 5 * 8 + 4 * 3 * 5,
  fiscalYears: 10,
} as const;

const firstFiscalYear = 2015;

const pillars = [
  ['子育て・教育', 'こどもが健やかに育ち、学びが広がるまち'],
  ['健康・福祉', 'だれもが健康で安心して暮らせるまち'],
  ['産業・観光', '地域の資源を生かし、にぎわいと仕事を生むまち'],
  ['環境・防災', '自然と共生し、災害に強い安全なまち'],
  ['都市基盤・交通', '快適に移動でき、住みよい生活基盤のまち'],
  ['行財政・協働', '市民とともに歩む、持続可能な行財政のまち'],
] as const;

const policies = ['推進', '充実', '強化', '支援', '向上'] as const;

/** Indicator names by pillar, with unit, direction and a plausible starting value. */
const indicatorKinds: readonly (readonly [string, string, 'increase' | 'decrease', number])[][] = [
  [
    ['合計特殊出生率', '', 'increase', 1.4],
    ['保育所待機児童数', '人', 'decrease', 25],
    ['放課後児童クラブ登録者数', '人', 'increase', 600],
    ['全国学力調査の平均正答率', '%', 'increase', 62],
    ['子育て支援センター利用者数', '人', 'increase', 12_000],
    ['不登校児童生徒の割合', '%', 'decrease', 1.8],
    ['図書館の貸出冊数', '冊', 'increase', 350_000],
    ['学校給食の地場産物使用割合', '%', 'increase', 35],
  ],
  [
    ['特定健診の受診率', '%', 'increase', 38],
    ['がん検診の受診率', '%', 'increase', 22],
    ['健康寿命（男性）', '歳', 'increase', 72.1],
    ['要介護認定率', '%', 'decrease', 18.5],
    ['認知症サポーター養成数', '人', 'increase', 4_000],
    ['通いの場の参加者数', '人', 'increase', 1_500],
    ['国民健康保険一人当たり医療費', '円', 'decrease', 380_000],
    ['自殺死亡率（人口10万人当たり）', '', 'decrease', 17],
  ],
  [
    ['観光入込客数', '万人', 'increase', 180],
    ['新規創業件数', '件', 'increase', 40],
    ['製造品出荷額等', '億円', 'increase', 1_200],
    ['ふるさと納税の寄附件数', '件', 'increase', 9_000],
    ['認定農業者数', '人', 'increase', 210],
    ['企業誘致件数', '件', 'increase', 3],
    ['商店街の空き店舗数', '店', 'decrease', 45],
    ['宿泊者数', '人', 'increase', 220_000],
  ],
  [
    ['一人一日当たりのごみ排出量', 'g', 'decrease', 880],
    ['リサイクル率', '%', 'increase', 21],
    ['温室効果ガス排出量', '千t-CO2', 'decrease', 520],
    ['自主防災組織の組織率', '%', 'increase', 78],
    ['住宅の耐震化率', '%', 'increase', 84],
    ['刑法犯認知件数', '件', 'decrease', 900],
    ['交通事故発生件数', '件', 'decrease', 420],
    ['太陽光発電の導入容量', 'kW', 'increase', 25_000],
  ],
  [
    ['公共交通の年間利用者数', '万人', 'increase', 320],
    ['市道の改良率', '%', 'increase', 61],
    ['空き家バンクの成約件数', '件', 'increase', 30],
    ['上水道の有収率', '%', 'increase', 88],
    ['橋りょうの修繕完了数', '橋', 'increase', 12],
    ['都市公園の面積（一人当たり）', '㎡', 'increase', 9.5],
    ['転入超過数', '人', 'increase', -150],
    ['汚水処理人口普及率', '%', 'increase', 86],
  ],
  [
    ['市民協働事業の件数', '件', 'increase', 55],
    ['電子申請できる手続の割合', '%', 'increase', 20],
    ['経常収支比率', '%', 'decrease', 91],
    ['実質公債費比率', '%', 'decrease', 9.8],
    ['市民満足度', '%', 'increase', 58],
    ['審議会等の女性委員の割合', '%', 'increase', 28],
    ['自治会加入率', '%', 'increase', 72],
    ['職員一人当たりの時間外勤務時間', '時間', 'decrease', 150],
  ],
];

const manifestoThemes = ['こどもまんなか', '稼げるまち', '安心のくらし', 'デジタルで便利に'] as const;

/** A deterministic stream of numbers in [0, 1) from a seed (mulberry32), so a code always gives the same data. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rounded = (value: number, start: number) =>
  Number.isInteger(start) && Math.abs(start) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;

type IndicatorInput = NonNullable<
  NonNullable<OrganizationDocumentInput['plans']>[number]['nodes']
>[number]['indicators'];

function indicators(
  prefix: string,
  kinds: readonly (readonly [string, string, 'increase' | 'decrease', number])[],
  count: number,
  random: () => number,
  documentId: string,
  section: string,
): NonNullable<IndicatorInput> {
  return Array.from({ length: count }, (_, n) => {
    const [name, unit, direction, typical] = kinds[n % kinds.length]!;
    const start = typical * (0.6 + random() * 0.8);
    const trend = (direction === 'increase' ? 1 : -1) * (0.005 + random() * 0.03);
    const source = { documentId, section };
    const text = (value: number) => `${value.toLocaleString('ja-JP')}${unit}`;
    const observations = Array.from({ length: nationalShape.fiscalYears }, (_, y) => {
      const value = rounded(start * (1 + trend * y + (random() - 0.5) * 0.04), typical);
      return { value, text: text(value), date: `FY${firstFiscalYear + y}`, source };
    });
    const baseline = observations[0]!.value;
    const target = rounded(start * (1 + trend * 12), typical);
    return {
      id: `${prefix}.i${n + 1}`,
      name: count > kinds.length ? `${name}（${Math.floor(n / kinds.length) + 1}）` : name,
      unit,
      direction,
      baseline: { value: baseline, text: text(baseline), date: `FY${firstFiscalYear}`, source },
      target: { value: target, text: text(target), date: `FY${firstFiscalYear + 11}`, source },
      observations,
    };
  });
}

/**
 * The interchange document of one municipality, e.g. `nationalDocument({ code: '202088', name: '小諸市', … }).plans.length // 2`.
 */
export function nationalDocument(m: Municipality): OrganizationDocumentInput {
  const random = randomFrom(Number(m.code));
  const org = `jp-${m.code}`;
  const documentId = `${org}.synthetic`;
  const comprehensive = `${org}.sogo-2016`;
  const manifesto = `${org}.manifesto-2023`;
  const planSource = (section: string) => ({ documentId, section });
  return {
    formatVersion: 1,
    organization: {
      id: org,
      name: m.name,
      kind: 'municipality',
      municipalityCode: m.code,
      prefecture: m.prefecture,
    },
    documents: [
      {
        id: documentId,
        title: `${m.name} 合成データ（性能測定用に生成。実在の計画・数値ではありません）`,
        publisher: 'Mieruka bench/national-dataset.ts',
        publishedAt: '2025-03',
        note: 'Synthetic benchmark data: the organization is real, its plans and numbers are generated.',
      },
    ],
    plans: [
      {
        id: comprehensive,
        title: `第2次${m.name}総合計画`,
        kind: 'comprehensive_plan',
        periodStart: 'FY2016',
        periodEnd: 'FY2025',
        publishedAt: '2016-03',
        summary: `${m.prefecture}${m.name}（${m.kana}）の10年間のまちづくりの指針（合成データ）。`,
        source: planSource('総合計画'),
        nodes: pillars.map(([field, vision], p) => ({
          id: `${comprehensive}.p${p + 1}`,
          kind: 'pillar' as const,
          code: String(p + 1),
          title: vision,
          description: `${m.name}の${field}分野の基本目標。`,
          source: planSource(`基本目標${p + 1}`),
          children: policies.map((verb, q) => ({
            id: `${comprehensive}.p${p + 1}.${q + 1}`,
            kind: 'policy' as const,
            code: `${p + 1}-${q + 1}`,
            title: `${field}の${verb}（施策${q + 1}）`,
            department: `${field.split('・')[0]}課`,
            source: planSource(`施策${p + 1}-${q + 1}`),
            indicators: indicators(
              `${comprehensive}.p${p + 1}.${q + 1}`,
              indicatorKinds[p]!.slice(q % 2 === 0 ? 0 : 4).concat(
                indicatorKinds[p]!.slice(0, q % 2 === 0 ? 0 : 4),
              ),
              8,
              random,
              documentId,
              `施策${p + 1}-${q + 1}の成果指標`,
            ),
          })),
        })),
      },
      {
        id: manifesto,
        title: `${m.name}長 マニフェスト2023`,
        kind: 'manifesto',
        periodStart: '2023-05',
        periodEnd: '2027-04',
        publishedAt: '2023-04',
        source: planSource('マニフェスト'),
        nodes: manifestoThemes.map((theme, p) => ({
          id: `${manifesto}.p${p + 1}`,
          kind: 'pillar' as const,
          code: String(p + 1),
          title: `${theme}の${m.name}`,
          source: planSource(`公約${p + 1}`),
          children: [0, 1, 2].map((q) => ({
            id: `${manifesto}.p${p + 1}.${q + 1}`,
            kind: 'policy' as const,
            title: `${theme}：${pillars[(p + q) % pillars.length]![0]}の取り組み`,
            source: planSource(`公約${p + 1}-${q + 1}`),
            indicators: indicators(
              `${manifesto}.p${p + 1}.${q + 1}`,
              indicatorKinds[(p + q) % indicatorKinds.length]!,
              5,
              random,
              documentId,
              `公約${p + 1}-${q + 1}の数値目標`,
            ),
          })),
        })),
      },
    ],
  };
}

/** The interchange file's text for the first `count` municipalities of the list, one at a time. */
export function* nationalFiles(count = Number.POSITIVE_INFINITY): Generator<{ code: string; text: string }> {
  for (const m of readMunicipalities().slice(0, count)) {
    yield { code: m.code, text: JSON.stringify(nationalDocument(m)) };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, count] = process.argv.slice(2);
  if (out === undefined) {
    console.error('使い方 (usage): npx tsx bench/national-dataset.ts <out-dir> [count]');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  let written = 0;
  for (const file of nationalFiles(count === undefined ? undefined : Number(count))) {
    writeFileSync(join(out, `${file.code}.json`), file.text);
    written += 1;
  }
  console.log(
    `${written} 団体のファイルを ${out} に書きました (wrote ${written} organizations' files to ${out})`,
  );
}
