/** The OpenAPI document's component schemas, generated from the zod domain model so they cannot drift. */
import { z } from 'zod';
import {
  indicatorSchema,
  nodeSchema,
  observationSchema,
  organizationSchema,
  planSchema,
  planStatementSchema,
  sourceDocumentSchema,
  sourceRefSchema,
  statusDefinitionSchema,
  valuePointSchema,
} from '../../domain/model.ts';

const components = {
  SourceRef: sourceRefSchema,
  SourceDocument: sourceDocumentSchema,
  StatusDefinition: statusDefinitionSchema,
  ValuePoint: valuePointSchema,
  Observation: observationSchema,
  Indicator: indicatorSchema,
  PlanNode: nodeSchema,
  PlanStatement: planStatementSchema,
  Organization: organizationSchema,
  Plan: planSchema,
};

/** JSON Schemas keyed by component name, cross-referenced with `#/components/schemas/{name}`. */
export function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'output' });
  // Inside an OpenAPI document a component is identified by its place, not by $id / $schema.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]),
  );
}
