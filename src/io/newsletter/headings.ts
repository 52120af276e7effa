/**
 * Pillar headings as the newsletters print them: 「1.市役所の改革と健全財政 「しせいを正す」」,
 * 「「笑顔」 3.市民が幸福を…」, 「4.産業振興と起業・就農支援 |攻める|」, and seed 2's 「01」 over a title and a phrase.
 */
export interface PillarHeading {
  code: string;
  title?: string;
  slogan?: string;
}

const slogan = String.raw`[「|｜]([^」|｜]{1,12})[」|｜]`;
const numberedFirst = new RegExp(String.raw`^(\d{1,2})[.．]\s*([^「|｜]{2,40}?)\s*(?:${slogan})?$`, 'u');
const sloganFirst = new RegExp(String.raw`^${slogan}\s*(\d{1,2})[.．]\s*(\S.{1,40})$`, 'u');
const codeOnly = /^(0[1-9])$/u;
const codeAndTitle = /^(0[1-9])\s+(\S.{1,30})$/u;

/**
 * Reads a pillar heading; `title` is missing when the number stands alone on its line (seed 2).
 * @example readPillarHeading('「笑顔」 3.市民が幸福を実感できる市政を実現') // { code: '3', title: '市民が幸福を実感できる市政を実現', slogan: '笑顔' }
 */
export function readPillarHeading(text: string): PillarHeading | null {
  const t = text.trim();
  let m = numberedFirst.exec(t);
  if (m?.[1] && m[2]) return withSlogan({ code: m[1], title: m[2].trim() }, m[3]);
  m = sloganFirst.exec(t);
  if (m?.[2] && m[3]) return withSlogan({ code: m[2], title: m[3].trim() }, m[1]);
  m = codeOnly.exec(t);
  if (m?.[1]) return { code: m[1] };
  m = codeAndTitle.exec(t);
  if (m?.[1] && m[2]) return { code: m[1], title: m[2].trim() };
  return null;
}

function withSlogan(heading: PillarHeading, text: string | undefined): PillarHeading {
  return text ? { ...heading, slogan: text.trim() } : heading;
}

/** 【基本姿勢】-like headings of the front matter. */
export function readSectionHeading(text: string): string | null {
  const m = /^【([^】]+)】$/u.exec(text.trim());
  return m?.[1] ?? null;
}

/** The <主な取り組み実績> line that opens a pillar's list of results. */
export function isAchievementBlock(text: string): boolean {
  return /[<＜〈](?:主な)?取り?組み?実績[>＞〉]/u.test(text);
}
