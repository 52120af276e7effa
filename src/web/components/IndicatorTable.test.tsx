import { describe, expect, it } from 'vitest';
import { womenManagers } from '../../../test/helpers/chart-indicators.ts';
import type { Indicator } from '../../domain/model.ts';
import { IndicatorTable } from './IndicatorTable.tsx';

const html = async (node: unknown) =>
  String(await (node as { toString(): string | Promise<string> }).toString());

describe('IndicatorTable', () => {
  it('names the unit beside the direction', async () => {
    expect(await html(<IndicatorTable indicators={[womenManagers]} />)).toContain('単位: %・');
  });

  it('prints neither a unit label nor anything after the value of a dimensionless number', async () => {
    const fertility: Indicator = {
      ...womenManagers,
      name: '合計特殊出生率',
      unit: '',
      baseline: womenManagers.baseline && { ...womenManagers.baseline, value: 1.36 },
    };
    const table = await html(<IndicatorTable indicators={[fertility]} />);
    expect(table).not.toContain('単位');
    expect(table.replace(/<[^>]+>/g, '|')).toMatch(/\|1\.36\|/);
  });
});
