/**
 * Colours and type for charts, from the Digital Agency design tokens, so charts match the pages.
 * Every colour that carries meaning is at least 4.5:1 against white (WCAG AA for text).
 */
import tokensModule from '@digital-go-jp/design-tokens';

interface TokenLeaf {
  $value: string;
}
type Scale = Record<string, TokenLeaf>;
interface TokenTree {
  Color: { Primitive: Record<string, Scale>; Neutral: Record<string, Scale> };
}

// The package's types declare an ES default export, but it is CommonJS: Node hands over module.exports itself.
const tokens = ((tokensModule as { default?: unknown }).default ?? tokensModule) as TokenTree;
const primitive = tokens.Color.Primitive;
const neutral = tokens.Color.Neutral;

function token(scale: Scale | undefined, step: string, fallback: string): string {
  return scale?.[step]?.$value ?? fallback;
}

export const chartTheme = {
  /** The observations' line and points: blue-800, 8.6:1 on white. */
  series: token(primitive.Blue, '800', '#0031d8'),
  /** The target line and its label: solid-gray-800, 12.6:1. */
  target: token(neutral.SolidGray, '800', '#333333'),
  /** The baseline marker: orange-900, 5.6:1, told apart from the series by shape and label too. */
  baseline: token(primitive.Orange, '900', '#ac3e00'),
  /** Axis labels: solid-gray-700, 8.6:1. */
  text: token(neutral.SolidGray, '700', '#4d4d4d'),
  /** Grid lines only decorate, so they may be light. */
  grid: token(neutral.SolidGray, '200', '#cccccc'),
  // Single quotes: zrender writes this into a double-quoted style attribute without escaping it.
  fontFamily: "'Noto Sans JP', sans-serif",
  fontSize: 12,
} as const;
