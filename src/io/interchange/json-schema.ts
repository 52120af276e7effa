/** The interchange format's JSON Schema, generated from the zod model so the two never drift apart. */
import { z } from 'zod';
import { organizationDocumentSchema } from '../../domain/model.ts';

/** Where the checked-in schema lives, relative to the repository root. */
export const interchangeSchemaPath = 'docs/organization.schema.json';

/**
 * The JSON Schema (draft 2020-12) of an interchange file, describing what a writer may omit (defaults).
 * @example interchangeJsonSchema().properties.organization
 */
export function interchangeJsonSchema() {
  const schema = z.toJSONSchema(organizationDocumentSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'Mieruka organization document',
    description:
      '団体 1 つ分の全データ (計画・ノード・指標・実績値・実績・出典・評価・設定)。mieruka export/import の JSON 形式 ' +
      "(one organization's whole dataset: the mieruka export/import JSON format). See docs/interchange-format.md.",
  };
}
