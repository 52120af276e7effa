/**
 * `target.push(...items)` passes every item as an argument, and V8 runs out of stack somewhere past a hundred
 * thousand of them ("Maximum call stack size exceeded"). This appends any number.
 * @example appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
