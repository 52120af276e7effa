/** The write API's collections: the URL word of each editing entity. */
import type { EditingEntity } from '../../domain/editing/records.ts';

export const collections: Record<string, EditingEntity> = {
  plans: 'plan',
  nodes: 'node',
  indicators: 'indicator',
  'indicator-values': 'indicatorValue',
  achievements: 'achievement',
  evaluations: 'evaluation',
  'program-sheets': 'programSheet',
  sources: 'source',
};

/** A former collection path, still served the same way and documented as deprecated (OpenAPI `deprecated: true`). */
export interface DeprecatedCollection {
  entity: EditingEntity;
  /** The collection to use instead. */
  replacedBy: string;
  /** The entity word of its former operation ids (`createObservation`), kept so generated clients still work. */
  formerName: string;
}

/**
 * `/observations` wrote indicator values (基準値・目標値・実績値 alike) before they got their glossary name; it is
 * kept as an alias of `/indicator-values` for existing clients and will be removed in a later release.
 */
export const deprecatedCollections: Record<string, DeprecatedCollection> = {
  observations: { entity: 'indicatorValue', replacedBy: 'indicator-values', formerName: 'observation' },
};

/** Sources are added and removed with the record that cites them; on their own they can only be corrected. */
export const updateOnly: ReadonlySet<EditingEntity> = new Set(['source']);
