/**
 * Reads an interchange file's text into a validated OrganizationDocument, or every problem found with its
 * JSON path: the schema's issues first, then ids and document references the database would refuse.
 */
import { type OrganizationDocument, organizationDocumentSchema } from '../../domain/model.ts';
import { checkReferences } from './check-references.ts';
import type { InterchangeIssue } from './interchange-issue.ts';
import { formatJsonPath } from './json-path.ts';

export type ParseDocumentResult =
  | { ok: true; doc: OrganizationDocument }
  | { ok: false; issues: InterchangeIssue[] };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: InterchangeIssue } {
  try {
    // Editors on Windows save JSON with a BOM, which JSON.parse refuses.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      issue: { path: '$', message: `JSON として読めません (not valid JSON): ${(error as Error).message}` },
    };
  }
}

/**
 * Parses and validates an interchange document.
 * @example parseOrganizationDocument('{"organization":{}}') // { ok: false, issues: [{ path: '$.organization.id', … }] }
 */
export function parseOrganizationDocument(text: string): ParseDocumentResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: [json.issue] };
  const result = organizationDocumentSchema.safeParse(json.value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: issue.message,
    }));
    return { ok: false, issues };
  }
  const issues = checkReferences(result.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, doc: result.data };
}
