/** A source document in words, in the page's language: 「小諸ぷらいど通信 VOL.5.02（小泉としひろ後援会事務所・後援会などの政治活動の資料）」. */
import type { SourceDocument } from '../../../domain/model.ts';
import type { Lang } from '../../i18n/index.ts';

export const documentKindLabels: Record<Lang, Record<NonNullable<SourceDocument['kind']>, string>> = {
  ja: {
    official: '市の公式資料',
    campaign: '後援会などの政治活動の資料',
    press: '報道',
    third_party: '第三者の資料',
    upload: '職員が取り込んだファイル',
  },
  en: {
    official: 'official publication',
    campaign: 'campaign material',
    press: 'press',
    third_party: 'third-party source',
    upload: 'file imported by staff',
  },
};

const unknownKind: Record<Lang, string> = { ja: '資料の種類は未記載', en: 'kind of source not stated' };

/** Publisher and kind, as a parenthesis follows the title: 「小泉としひろ後援会事務所・後援会などの政治活動の資料」. */
export function documentByline(document: SourceDocument, lang: Lang): string {
  const kind = document.kind ? documentKindLabels[lang][document.kind] : unknownKind[lang];
  return [document.publisher, kind].filter((w) => w !== undefined).join(lang === 'ja' ? '・' : ', ');
}

/** True when a document is campaign material, which every figure it backs must say. */
export function isCampaign(document: SourceDocument | undefined): boolean {
  return document?.kind === 'campaign';
}
