import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idOrder } from './write-changes.ts';

// Indicator ids as the model allows them (no ':'), some prefixes of others (i.1, i.10), and ids as the importer makes
// them, plus now and then a stored id of another shape.
const indicatorId = fc.constantFrom('i.1', 'i.10', 'i.2', 'a', 'a-b', 'a.b');
const value = fc.tuple(
  indicatorId,
  fc.constantFrom('observation@2020-01', 'observation@2020-02', 'baseline', 'target'),
);

describe('idOrder', () => {
  it('orders rows exactly as sorting their ids would', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.boolean(), (values, odd) => {
        const ids = values.map(([indicator, rest]) => `${indicator}:${rest}`);
        if (odd && ids.length > 0) ids[0] = 'zz-stored-id';
        const order = idOrder(ids.map((id, n) => ({ id, indicatorId: values[n]![0] })));
        expect(order.map((n) => ids[n])).toEqual([...ids].sort());
        expect([...order].sort((a, b) => a - b)).toEqual(ids.map((_, n) => n));
      }),
      { numRuns: 500 },
    );
  });
});
