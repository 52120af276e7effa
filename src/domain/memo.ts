/**
 * A bounded cache for pure parsers: a 100,000-row file repeats the same few periods, sources and units,
 * so parsing each distinct text once keeps large imports fast. Cleared when full to bound memory.
 */
export function memoize<T>(parse: (text: string) => T, capacity = 10_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    // One lookup per call: parsers here answer null, never undefined, for text they cannot read.
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    if (cache.size >= capacity) cache.clear();
    const value = parse(text);
    cache.set(text, value);
    return value;
  };
}
