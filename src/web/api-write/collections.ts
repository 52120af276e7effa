/** The write API's collections: the URL word of each editing entity. */
import type { EditingEntity } from '../../domain/editing/records.ts';

export const collections: Record<string, EditingEntity> = {
  plans: 'plan',
  nodes: 'node',
  indicators: 'indicator',
  observations: 'observation',
  achievements: 'achievement',
  evaluations: 'evaluation',
  'program-sheets': 'programSheet',
  sources: 'source',
};

/** Sources are added and removed with the record that cites them; on their own they can only be corrected. */
export const updateOnly: ReadonlySet<EditingEntity> = new Set(['source']);
