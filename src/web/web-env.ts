/** What every sub-app finds in its context: the store and where the dataset's files live. */
import type { ReadStore } from '../store/read-store.ts';
import type { HistoryReader } from './history/history-reader.ts';

export interface WebVariables {
  store: ReadStore;
  /** Folder that a source document's `file` is relative to. */
  datasetDir: string;
  /** The public change history; undefined when the app serves none, so pages leave out their history links. */
  history: HistoryReader | undefined;
  /** The site's public address (`MIERUKA_PUBLIC_URL`) for absolute links in feeds and share previews; else the request's. */
  publicUrl: string | undefined;
  /**
   * The organization whose data alone the answer shows, set by its handler: the page cache then keeps it through
   * writes to other organizations. Unset, any write drops it.
   */
  cacheScope?: string;
}

export interface WebEnv {
  Variables: WebVariables;
}
