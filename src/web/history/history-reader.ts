/** What the public history pages read: published revisions only, so no staff service is needed to serve them. */
import type { EditingStore } from '../../store/editing/contract.ts';

/** `createEditingStore(db)` satisfies it; the staff side need not be on. */
export type HistoryReader = Pick<EditingStore, 'listPublicHistory' | 'getRecord' | 'listPublishedChanges'>;
