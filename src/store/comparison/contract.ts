/** What a comparison of one indicator across organizations reads: the contract ReadStore's methods answer with. */
import type { ComparisonDefinition, Ranked, RankingRule } from '../../domain/comparison/index.ts';
import type { Indicator, IndicatorValue, Organization } from '../../domain/model.ts';

export interface ComparisonOptions {
  /** Only these organizations, by 全国地方公共団体コード (a group such as a 類似団体). */
  codes?: readonly string[];
  /** Only organizations whose 全国地方公共団体コード starts with these two digits (a prefecture, e.g. "20"). */
  prefecture?: string;
  /** 1-based; 1 unless said. */
  page?: number;
  /** 20 unless said. */
  perPage?: number;
}

/** One organization's latest published observation under the key. */
export interface ComparedValue {
  organization: Pick<Organization, 'id' | 'name' | 'nameEn' | 'municipalityCode'>;
  planId: string;
  nodeId: string;
  indicator: Pick<Indicator, 'id' | 'name' | 'nameEn' | 'unit' | 'direction'>;
  observation: IndicatorValue;
}

export interface Comparison {
  key: string;
  /** The definition compared, in the spelling most of its indicators use. */
  definition: ComparisonDefinition;
  /** Every spelling of the name counted under the key. */
  spellings: string[];
  rule: RankingRule;
  /** True when the latest values are of different dates. */
  datesDiffer: boolean;
  /** Organizations with a value after the filter; `entries` is one page of them, ranked among them all. */
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
  entries: Ranked<ComparedValue & { value: number; tieBreak: string }>[];
  /** Asked-for codes of no organization with a published value under the key. */
  missingCodes: string[];
}
