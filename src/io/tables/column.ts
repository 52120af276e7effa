/** A table column: its glossary code name (the header we write), the Japanese headers we also accept, and help. */
export interface ColumnSpec {
  /** The code name from src/domain/model.ts, e.g. "indicatorId"; the header templates and exports write. */
  name: string;
  /** The main Japanese label, used in messages: 「指標ID」. */
  labelJa: string;
  /** Other headers staff write, matched after NFKC and case folding. */
  aliases: readonly string[];
  required: boolean;
  descriptionJa: string;
  descriptionEn: string;
}

/** NFKC, no spaces, lower case: 「指標ＩＤ」 and "indicatorid" both match. */
export const normalizeHeader = (header: string): string =>
  header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export const column = (
  name: string,
  labelJa: string,
  aliases: readonly string[],
  required: boolean,
  descriptionJa: string,
  descriptionEn: string,
): ColumnSpec => ({ name, labelJa, aliases: [labelJa, ...aliases], required, descriptionJa, descriptionEn });
