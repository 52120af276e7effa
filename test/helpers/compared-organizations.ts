/**
 * Organizations that report one indicator definition, for comparison tests and the benchmark: the sample town
 * (`syntheticOrganization`) renamed to a real municipality code, with 待機児童数 (人, outcome, less is better) dated
 * by 年度.
 */
import type { Direction } from '../../src/domain/comparison/index.ts';
import type { Indicator, OrganizationDocument } from '../../src/domain/model.ts';
import { syntheticOrganization } from './synthetic-organization.ts';

export interface ComparedCity {
  code: string;
  name: string;
  /** The observations by 年度, e.g. { FY2020: 12, FY2023: 4 }. */
  values: Record<string, number>;
  /** 待機児童数 unless said: a spelling to read as the same definition, or another name. */
  indicatorName?: string;
  unit?: string;
  direction?: Direction;
}

export const waitingChildren = { name: '待機児童数', unit: '人', kind: 'outcome' } as const;

/** One organization: `index` keeps its ids apart from the others'. */
export function comparedOrganization(index: number, city: ComparedCity): OrganizationDocument {
  const document = syntheticOrganization(index, 0, 0);
  document.organization.name = city.name;
  document.organization.municipalityCode = city.code;
  delete document.organization.nameEn;
  const pillar = document.plans[0]?.nodes[0];
  if (!pillar) throw new Error('sample plan has no pillar');
  const documentId = document.documents[0]?.id ?? '';
  const indicator: Indicator = {
    id: `o${index}.waiting`,
    name: city.indicatorName ?? waitingChildren.name,
    unit: city.unit ?? waitingChildren.unit,
    kind: 'outcome',
    direction: city.direction ?? 'decrease',
    cumulative: false,
    highlight: false,
    achievementFormula: null,
    baseline: null,
    target: null,
    observations: Object.entries(city.values).map(([date, value], k) => ({
      value,
      date,
      qualifier: null,
      outOf: null,
      rankOf: null,
      source: { documentId, line: k + 1, quote: `待機児童数 ${value}人` },
    })),
    reported: [],
  };
  pillar.indicators.push(indicator);
  return document;
}
