/** What every sub-app finds in its context: the store and where the dataset's files live. */
import type { ReadStore } from '../store/read-store.ts';

export interface WebVariables {
  store: ReadStore;
  /** Folder that a source document's `file` is relative to. */
  datasetDir: string;
}

export interface WebEnv {
  Variables: WebVariables;
}
