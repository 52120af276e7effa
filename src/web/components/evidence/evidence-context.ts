/**
 * What a page knows about its evidence beyond the node in hand: the organization's documents (to cite a source by
 * title, publisher and kind, not by id) and the statuses later plans give the nodes they continue.
 * Pages provide it around their content; components read it with `useEvidence()`.
 */
import { createContext, useContext } from 'hono/jsx';
import type { LaterStatus } from '../../../domain/figures/index.ts';
import type { SourceDocument } from '../../../domain/model.ts';

export interface Evidence {
  documents: ReadonlyMap<string, SourceDocument>;
  later: ReadonlyMap<string, LaterStatus>;
}

export const noEvidence: Evidence = { documents: new Map(), later: new Map() };

export const EvidenceContext = createContext<Evidence>(noEvidence);

export function useEvidence(): Evidence {
  return useContext(EvidenceContext);
}
