/** The JSON interchange format: one organization's whole dataset out of the store, and into an empty one or merged by id. */

export { type WalkedNode, walkNodes } from '../../domain/plan-tree.ts';
export { checkReferences } from './check-references.ts';
export {
  exportOrganizationDocument,
  exportPlanDocument,
  OrganizationNotFoundError,
  serializeOrganizationDocument,
} from './export-document.ts';
export {
  formatMergeReport,
  type ImportDocumentOptions,
  type ImportDocumentOutcome,
  importOrganizationDocument,
  type MergedRecord,
  type MergeReport,
} from './import-document.ts';
export { formatIssue, type InterchangeIssue } from './interchange-issue.ts';
export { formatJsonPath } from './json-path.ts';
export { interchangeJsonSchema, interchangeSchemaPath } from './json-schema.ts';
export { type ParseDocumentResult, parseOrganizationDocument } from './parse-document.ts';
export { countRecords, formatCounts, type RecordCounts } from './record-counts.ts';
