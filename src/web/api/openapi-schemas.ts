/** The OpenAPI document's component schemas, generated from zod schemas so that they cannot drift. */
import { z } from 'zod';
import {
  achievementSchema,
  evaluationSchema,
  indicatorSchema,
  indicatorValueSchema,
  nodeSchema,
  observationSchema,
  organizationSchema,
  planSchema,
  planStatementSchema,
  reportedFigureSchema,
  sourceDocumentSchema,
  sourceRefSchema,
  statusDefinitionSchema,
} from '../../domain/model.ts';
import {
  figureSchema,
  indicatorFiguresSchema,
  reportedFigureViewSchema,
  summarySchema,
} from './figure-schemas.ts';
import { errorResponseSchema } from './responses.ts';
import {
  ancestorSchema,
  indicatorViewSchema,
  indicatorWithFiguresSchema,
  nodeLinkSchema,
  observationViewSchema,
  planDetailSchema,
  planListItemSchema,
  planNodeViewSchema,
} from './views.ts';

/** Named schemas: where one is used inside another, the document refers to it by `$ref` instead of repeating it. */
const components: Record<string, z.ZodType> = {
  SourceRef: sourceRefSchema,
  SourceDocument: sourceDocumentSchema,
  StatusDefinition: statusDefinitionSchema,
  IndicatorValue: indicatorValueSchema,
  Observation: observationSchema,
  ReportedFigure: reportedFigureSchema,
  Indicator: indicatorSchema,
  Achievement: achievementSchema,
  Evaluation: evaluationSchema,
  PlanNode: nodeSchema,
  PlanStatement: planStatementSchema,
  Organization: organizationSchema,
  Plan: planSchema,
  Figure: figureSchema,
  ReportedFigureView: reportedFigureViewSchema,
  IndicatorFigures: indicatorFiguresSchema,
  Summary: summarySchema,
  PlanListItem: planListItemSchema,
  PlanDetail: planDetailSchema,
  ObservationView: observationViewSchema,
  IndicatorView: indicatorViewSchema,
  IndicatorWithFigures: indicatorWithFiguresSchema,
  PlanNodeView: planNodeViewSchema,
  NodeLink: nodeLinkSchema,
  Ancestor: ancestorSchema,
  Error: errorResponseSchema,
};

/**
 * JSON Schemas keyed by component name (the model's, the API's and `bodies`), cross-referenced with
 * `#/components/schemas/{name}`, each as the server writes it (`io: 'output'`: defaulted fields are present).
 */
export function componentSchemas(bodies: Record<string, z.ZodType> = {}): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries({ ...components, ...bodies })) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'output' });
  // Inside an OpenAPI document a component is identified by its place, not by $id / $schema.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, $schema: _schema, ...schema }]) => [id, schema]),
  );
}
