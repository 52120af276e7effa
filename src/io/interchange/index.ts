/** The JSON interchange format: one organization's whole dataset out of the store and into an empty one. */

export { type WalkedNode, walkNodes } from '../../domain/plan-tree.ts';
export { checkReferences } from './check-references.ts';
export {
  exportOrganizationDocument,
  exportPlanDocument,
  OrganizationNotFoundError,
  serializeOrganizationDocument,
} from './export-document.ts';
export {
  type ImportDocumentOptions,
  type ImportDocumentOutcome,
  importOrganizationDocument,
  notEmptyMessage,
} from './import-document.ts';
export { formatIssue, type InterchangeIssue } from './interchange-issue.ts';
export { formatJsonPath } from './json-path.ts';
export { interchangeJsonSchema, interchangeSchemaPath } from './json-schema.ts';
export { type ParseDocumentResult, parseOrganizationDocument } from './parse-document.ts';
export { countRecords, formatCounts, type RecordCounts } from './record-counts.ts';
