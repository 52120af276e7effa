/**
 * Many fictional organizations for benchmarks and scale tests: the sample town (サンプル町) copied under new ids,
 * with `indicators` extra indicators of `values` yearly values each under its first pillar.
 */
import type { OrganizationDocument } from '../../src/domain/model.ts';
import { sampleDataset } from './sample-dataset.ts';

/** Every id the document declares, so a copy can rename them and the references to them alike. */
function declaredIds(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) declaredIds(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string') into.add(inner);
      else declaredIds(inner, into);
    }
  }
  return into;
}

/** E.g. `syntheticOrganization(3, 300, 10)`: サンプル町3, ids prefixed `o3.`, 300 indicators × 10 values. */
export function syntheticOrganization(
  index: number,
  indicators: number,
  values: number,
): OrganizationDocument {
  const sample = sampleDataset();
  const ids = declaredIds(sample, new Set());
  const prefix = `o${index}.`;
  const renamed = JSON.parse(JSON.stringify(sample), (_key, value) =>
    typeof value === 'string' && ids.has(value) ? `${prefix}${value}` : value,
  ) as OrganizationDocument;
  renamed.organization.name = `サンプル町${index}`;
  const pillar = renamed.plans.find((p) => p.id === `${prefix}sample-first`)?.nodes[0];
  if (!pillar) throw new Error('sample plan has no pillar');
  const documentId = `${prefix}sample-report`;
  for (let i = 0; i < indicators; i += 1) {
    pillar.indicators.push({
      id: `${prefix}synthetic.${i}`,
      name: `合成指標${i}`,
      unit: '件',
      kind: 'outcome',
      direction: 'increase',
      cumulative: false,
      highlight: false,
      achievementFormula: null,
      baseline: null,
      target: null,
      observations: Array.from({ length: values }, (_, year) => ({
        value: i + year,
        date: `FY${2010 + year}`,
        qualifier: null,
        outOf: null,
        rankOf: null,
        source: { documentId, line: (i % 200) + 1, quote: `合成指標${i}` },
      })),
      reported: [],
    });
  }
  return renamed;
}
