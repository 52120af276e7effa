/**
 * Checks a live API answer against the served OpenAPI 3.1 document, with Ajv's JSON Schema 2020-12 validator (the
 * dialect of OpenAPI 3.1): the response schema of the operation and status, its $refs resolved in the document.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export interface OpenApiOperation {
  operationId?: string;
  security?: unknown;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}

export interface ServedOpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, object>; responses?: Record<string, object> };
}

/**
 * A checker of bodies against `document`: the validator's complaints, none when the body is as documented.
 * @example validateResponse('/nodes/{id}', 'patch', 200, body) // []
 */
export function responseValidator(document: ServedOpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();

  const schemaOf = (path: string, method: string, status: number): object => {
    let response = document.paths[path]?.[method]?.responses[String(status)];
    const named = response?.$ref?.replace('#/components/responses/', '');
    if (named) response = document.components.responses?.[named] as typeof response;
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`the document has no JSON body for ${method} ${path} ${status}`);
    return schema;
  };

  return (path: string, method: string, status: number, body: unknown): string[] => {
    const key = `${method} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      // The schema's $refs point into the document's components; carry them along.
      validate = ajv.compile({ ...schemaOf(path, method, status), components: document.components });
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message}`);
  };
}
