/** Finds an indicator and its node by id, through the read store's own lookup (no walk over every plan). */
import type { IndicatorContext, ReadStore } from '../../store/read-store.ts';

export type FoundIndicator = IndicatorContext;

/**
 * The indicator with the plan and node it belongs to, or undefined.
 * @example (await findIndicator(store, 'mirai-2016.i.furusato-nozei'))?.nodeId
 */
export function findIndicator(store: ReadStore, id: string): Promise<FoundIndicator | undefined> {
  return store.getIndicator(id);
}
