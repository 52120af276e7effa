/**
 * OpenAPI schemas of the node trees the API returns: the zod model's `Indicator` and `PlanNode` plus the
 * engine's `figures` on each indicator. Derived from the generated schemas by copy, because those close their
 * objects (`additionalProperties: false`) and an `allOf` could not add a field to them.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface ObjectSchema {
  properties: Record<string, unknown>;
  required?: string[];
}

/**
 * `IndicatorWithFigures` and `PlanNodeView` from the component schemas.
 * @example viewSchemas(componentSchemas()).PlanNodeView.properties.children // { type: 'array', items: { $ref: …PlanNodeView } }
 */
export function viewSchemas(components: Record<string, unknown>): Record<string, ObjectSchema> {
  const indicator = components.Indicator as ObjectSchema;
  const node = components.PlanNode as ObjectSchema;
  return {
    IndicatorWithFigures: {
      ...indicator,
      properties: { ...indicator.properties, figures: ref('IndicatorFigures') },
      required: [...(indicator.required ?? []), 'figures'],
    },
    PlanNodeView: {
      ...node,
      properties: {
        ...node.properties,
        indicators: { type: 'array', items: ref('IndicatorWithFigures') },
        children: { type: 'array', items: ref('PlanNodeView') },
      },
    },
  };
}
