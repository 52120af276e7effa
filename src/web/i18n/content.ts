/**
 * Content in the reader's language where the data has it: an English page shows `titleEn`, `nameEn` and an
 * organization's `nameEn`; where a text exists only in Japanese it stays Japanese (and the page says so).
 */
import type { Lang } from './lang.ts';

export interface LocalText {
  text: string;
  /** True when the text is the Japanese original on an English page: mark it lang="ja" (and "Japanese only"). */
  japaneseOnly: boolean;
}

/**
 * The English text on English pages when there is one, else the Japanese.
 * @example localText('小諸市', 'Komoro City', 'en') // { text: 'Komoro City', japaneseOnly: false }
 * @example localText('こもろ未来プロジェクト', undefined, 'en') // { text: 'こもろ未来プロジェクト', japaneseOnly: true }
 */
export function localText(ja: string, en: string | null | undefined, lang: Lang): LocalText {
  if (lang === 'en' && en) return { text: en, japaneseOnly: false };
  return { text: ja, japaneseOnly: lang === 'en' };
}

/**
 * A plan's or node's title (with its code, as the source prints it: "1 子育て・教育"); a node titled by its code alone
 * says it once.
 */
export const localTitle = (
  item: { title: string; titleEn?: string | undefined; code?: string | undefined },
  lang: Lang,
) => {
  const local = localText(item.title, item.titleEn, lang);
  return item.code && item.code !== local.text ? { ...local, text: `${item.code} ${local.text}` } : local;
};

/** An indicator's name. */
export const localName = (item: { name: string; nameEn?: string | undefined }, lang: Lang) =>
  localText(item.name, item.nameEn, lang);

/** Words for a heading: the text itself, whatever its language (for <title> and aria labels). */
export const plainText = (local: LocalText) => local.text;
