import tokensModule from '@digital-go-jp/design-tokens';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn, relativeLuminance } from './contrast.ts';
import { defaultStatusVocabulary, unassessedStatus } from './status.ts';

const white = '#ffffff';
const statuses = [...defaultStatusVocabulary, unassessedStatus];
const ratio = (a: string, b: string) => contrastRatio(a, b) ?? 0;

/** Every #rrggbb value of the Digital Agency's colour tokens. */
function tokenColors(): Set<string> {
  const tree = ((tokensModule as { default?: unknown }).default ?? tokensModule) as Record<string, unknown>;
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const value = (node as { $value?: unknown }).$value;
    if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) found.add(value.toLowerCase());
    for (const child of Object.values(node)) walk(child);
  };
  walk(tree.Color);
  return found;
}

/** Hue in degrees, or null for a grey. */
function hue(color: string): number | null {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.05) return null;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const band = (color: string) => ((relativeLuminance(color) ?? 0) < 0.05 ? 'dark' : 'mid');

describe('the status colours', () => {
  it('come from the design tokens', () => {
    const tokens = tokenColors();
    for (const s of statuses) expect(tokens.has(s.color.toLowerCase()), s.label).toBe(true);
  });

  it('stand 3:1 or more against the white page and the white gap between bar segments', () => {
    for (const s of statuses) expect(ratio(s.color, white), s.label).toBeGreaterThanOrEqual(3);
  });

  it('carry their label at 4.5:1 or more, in white on the dark band and black on the mid band', () => {
    for (const s of statuses) {
      const text = readableTextOn(s.color);
      expect(text, s.label).toBe(band(s.color) === 'dark' ? '#ffffff' : '#000000');
      expect(ratio(s.color, text), s.label).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('alternate dark and mid down the list, each 3:1 or more from the next (未評価 after the last)', () => {
    for (let k = 1; k < statuses.length; k++) {
      const [a, b] = [statuses[k - 1], statuses[k]];
      if (!a || !b) continue;
      expect(ratio(a.color, b.color), `${a.label} / ${b.label}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('set 未評価 3:1 or more apart from every dark status, 未着手 and 完了 among them', () => {
    for (const s of statuses.filter((s) => band(s.color) === 'dark')) {
      expect(ratio(s.color, unassessedStatus.color), s.label).toBeGreaterThanOrEqual(3);
    }
    expect(ratio('#1a1a1a', unassessedStatus.color)).toBeGreaterThan(4.5);
  });

  it('differ in hue by 30° or more where two share a band of lightness', () => {
    for (const a of statuses) {
      for (const b of statuses) {
        if (a === b || band(a.color) !== band(b.color)) continue;
        const [ha, hb] = [hue(a.color), hue(b.color)];
        if (ha === null || hb === null) continue;
        const distance = Math.min(Math.abs(ha - hb), 360 - Math.abs(ha - hb));
        expect(distance, `${a.label} / ${b.label}`).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('red', '#ffffff')).toBeNull();
  });
});
