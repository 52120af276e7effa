/** JSON paths in messages, so whoever edits an interchange file can find the field a problem is in. */

/**
 * A zod issue path written as a JSONPath expression.
 * @example formatJsonPath(['plans', 0, 'nodes', 2, 'title']) // '$.plans[0].nodes[2].title'
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, '$');
}
