/** A problem with one cell, row or file, said in Japanese first and English after, with where to find it. */
export interface TableRowError {
  file: string;
  sheet?: string;
  /** 1-based: the CSV line or the sheet row; 0 when the whole file is refused. */
  row: number;
  /** The column's header as written in the file, or '' for a whole row or file. */
  column: string;
  value: string;
  messageJa: string;
  messageEn: string;
  /** Set when the row was refused because it belongs to another organization than the importing staff's. */
  refusal?: 'organization';
}

export interface TableErrorPlace {
  file: string;
  sheet?: string | undefined;
}

/** Splits our "日本語 (English)" message convention, the one zod schemas in src/domain also follow. */
export function splitBilingual(message: string): { messageJa: string; messageEn: string } {
  const match = /^([\s\S]*?)\s*\(([^()]*)\)\s*$/.exec(message);
  if (!match?.[1]) return { messageJa: message, messageEn: message };
  return { messageJa: match[1], messageEn: match[2] ?? message };
}

/** An error for the whole file (row 0), e.g. too large or not a spreadsheet. */
export function fileError(place: TableErrorPlace, messageJa: string, messageEn: string): TableRowError {
  return withSheet({ file: place.file, row: 0, column: '', value: '', messageJa, messageEn }, place.sheet);
}

export function withSheet(error: TableRowError, sheet: string | undefined): TableRowError {
  return sheet === undefined ? error : { ...error, sheet };
}
