/** How much a single import may hold; large enough for a city's 行政評価 tables, small enough to refuse abuse. */
export interface TableLimits {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Data rows, header excluded, over all sheets read. */
  maxRows: number;
  /** Entries in an XLSX zip. */
  maxZipEntries: number;
  /** Sum of the uncompressed sizes of an XLSX's entries. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size above which a large entry is taken for a zip bomb. */
  maxCompressionRatio: number;
}

export const defaultTableLimits: TableLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxZipEntries: 10_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export const formatMegabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
