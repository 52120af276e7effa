/** What a dry run of a table in the published shape says beyond its rows: the columns, the question, the notes. */
import type { TableRowError } from '../tables/index.ts';
import type { ColumnMapping } from '../tables/published-mapping.ts';

/** One column as the dry run and the admin page show it: its guess, which staff may change. */
export interface PublishedColumnGuess {
  sheet?: string;
  index: number;
  letter: string;
  header: string;
  /** As `--map` writes it: `name`, `unit`, `actual:2001`, `target`, `ignore`, `unknown`. */
  target: string;
  /** 「H25」 alone: the question staff answer with the year kind. */
  ambiguous: boolean;
}

export interface PublishedImportSummary {
  columns: PublishedColumnGuess[];
  /** The mapping in force (saved one, then the command line's or the form's choices). */
  mapping: ColumnMapping;
  /** Whether some header needs the year-kind answer and has none. */
  question: boolean;
  /** Lines that refuse nothing: each row's reading, words skipped, nodes to create, mixed 年 and 年度. */
  notes: TableRowError[];
  /** The uploaded file as a source document. */
  document: { id: string; title: string; sha256: string; created: boolean } | null;
}
