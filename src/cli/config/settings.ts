/**
 * Every setting Mieruka reads from the environment, described once: its zod schema, its default, and what it does
 * in Japanese and English (the README's settings table is printed from these descriptions, see settings-table.ts).
 */
import { z } from 'zod';
import { parseDatabaseUrl } from '../../store/db.ts';

/** What the README's table and the error messages say about a setting. */
export interface SettingDoc {
  /** What the setting does. */
  ja: string;
  en: string;
  /** What a valid value looks like, for the error message and the table. */
  expected: { ja: string; en: string };
  /** The default as the table shows it; absent: none. */
  shownDefault?: string;
  /** A value that must never be echoed whole (DATABASE_URL carries a password). */
  secret?: boolean;
}

export const settingDocs = z.registry<SettingDoc>();

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const isDatabaseUrl = (url: string) => {
  try {
    parseDatabaseUrl(url);
    return true;
  } catch {
    return false;
  }
};

/** The settings by their environment names; each schema reads the variable's text. */
export const settingsShape = {
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:%-]+$/)
    .default('127.0.0.1')
    .register(settingDocs, {
      ja: '待ち受けるアドレス。コンテナでは `0.0.0.0`。リバースプロキシと同じサーバーなら `127.0.0.1` のまま',
      en: 'address `serve` listens on; `0.0.0.0` in the container; keep `127.0.0.1` when the reverse proxy runs on the same server',
      expected: {
        ja: 'IP アドレスまたはホスト名（例 127.0.0.1, 0.0.0.0, ::）',
        en: 'an IP address or host name, e.g. 127.0.0.1, 0.0.0.0, ::',
      },
      shownDefault: '127.0.0.1',
    }),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(8080)
    .register(settingDocs, {
      ja: '`serve` のポート番号（`serve --port` が優先）',
      en: 'port `serve` listens on (`serve --port` wins)',
      expected: {
        ja: '0〜65535 の整数（0 は空いている番号）',
        en: 'an integer from 0 to 65535 (0: any free port)',
      },
      shownDefault: '8080',
    }),
  DATABASE_URL: z
    .string()
    .refine(isDatabaseUrl)
    .optional()
    .register(settingDocs, {
      ja: 'データベース。SQLite のファイル（`sqlite:`・`file:` も可）、または `postgres://利用者:パスワード@ホスト:5432/データベース`',
      en: 'the database: a SQLite file (also `sqlite:…`, `file:…`), or `postgres://user:password@host:5432/database`',
      expected: {
        ja: 'ファイルのパス、sqlite:パス、file:パス、:memory:、postgres://…',
        en: 'a file path, sqlite:path, file:path, :memory: or postgres://…',
      },
      shownDefault: 'data/mieruka.sqlite',
      secret: true,
    }),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/./)
    .optional()
    .register(settingDocs, {
      ja: 'PostgreSQL の読み取り用レプリカ。公開ページと API の GET はここから読み、書き込み・ログイン・職員の画面は `DATABASE_URL` へ（`docs/multi-node.md`）。未設定なら `DATABASE_URL` だけ',
      en: 'a PostgreSQL read replica: public pages and API GETs read from it; writes, sessions and staff pages use `DATABASE_URL` (`docs/multi-node.md`); unset: `DATABASE_URL` alone',
      expected: {
        ja: 'postgres://…（`DATABASE_URL` も PostgreSQL のとき）',
        en: 'postgres://… (with a PostgreSQL `DATABASE_URL`)',
      },
      secret: true,
    }),
  LOG_LEVEL: z
    .enum(logLevels)
    .default('info')
    .register(settingDocs, {
      ja: '`serve` のログの量。`info` で 1 リクエスト 1 行の JSON、`debug` でヘルスチェックも、`error` でサーバーの失敗だけ、`silent` で出さない',
      en: 'how much `serve` logs: `info` one JSON line per request, `debug` adds health checks, `error` server failures only, `silent` nothing',
      expected: { ja: logLevels.join('・'), en: logLevels.join(', ') },
      shownDefault: 'info',
    }),
  MIERUKA_TRUST_PROXY: z
    .enum(['0', '1'])
    .default('0')
    .register(settingDocs, {
      ja: '`1` で HTTPS を終端するリバースプロキシの後ろにいるとみなし、`X-Forwarded-Proto`・`X-Forwarded-For` を信頼する（ログインのクッキーに Secure が付く）',
      en: '`1`: behind an HTTPS-terminating reverse proxy; trust its `X-Forwarded-Proto` and `X-Forwarded-For` (the sign-in cookie is Secure)',
      expected: { ja: '0 または 1', en: '0 or 1' },
      shownDefault: '0',
    }),
  MIERUKA_TRUSTED_PROXIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(32)
    .default(0)
    .register(settingDocs, {
      ja: '前にあるリバースプロキシの数。その数だけ `X-Forwarded-For` の末尾の項目を信頼する',
      en: 'how many reverse proxies stand in front; that many entries at the end of `X-Forwarded-For` are trusted',
      expected: { ja: '0〜32 の整数', en: 'an integer from 0 to 32' },
      shownDefault: '0',
    }),
  MIERUKA_WRITE_WAIT_SECONDS: z.coerce
    .number()
    .min(0)
    .max(3600)
    .default(5)
    .register(settingDocs, {
      ja: '書き込みが SQLite のロックを待つ秒数。過ぎると「別の処理が書き込み中」と答える',
      en: 'seconds a write waits for SQLite’s lock before answering that another process is writing',
      expected: { ja: '0〜3600 の数（秒）', en: 'a number of seconds from 0 to 3600' },
      shownDefault: '5',
    }),
  MIERUKA_ACTOR: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default('system')
    .register(settingDocs, {
      ja: '`import` で表を取り込んだときに変更履歴に残る名前',
      en: 'the name the change history records for tables brought in with `import`',
      expected: { ja: '1〜100 文字の名前', en: 'a name of 1 to 100 characters' },
      shownDefault: 'system',
    }),
  MIERUKA_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .register(settingDocs, {
      ja: 'サイトの公開アドレス。フィードと共有プレビュー（OGP）の絶対 URL に使う。未設定ならリクエストのアドレス',
      en: 'the site’s public address, for the absolute links of feeds and share previews (OGP); unset: the request’s own',
      expected: { ja: 'http:// または https:// で始まる URL', en: 'a URL starting with http:// or https://' },
    }),
  // The same default as print-pdf.ts's, which is not imported here: it loads playwright-core with it.
  CHROMIUM_PATH: z
    .string()
    .min(1)
    .default('/usr/bin/chromium')
    .register(settingDocs, {
      ja: '`report --pdf` が使う Chromium の実行ファイル（Debian の chromium パッケージの場所が既定）',
      en: 'the Chromium executable `report --pdf` prints with (the default is where Debian’s chromium package puts it)',
      expected: { ja: '実行ファイルのパス', en: 'the path of an executable' },
      shownDefault: '/usr/bin/chromium',
    }),
};

export type SettingName = keyof typeof settingsShape;

/** The settings as the code uses them: `readSettings(env).port`. */
export const settingsSchema = z
  .object(settingsShape)
  .superRefine((raw, ctx) => {
    // A replica of SQLite is not a thing: the read URL needs a PostgreSQL writer.
    if (raw.DATABASE_READ_URL !== undefined && !/^postgres(ql)?:\/\//.test(raw.DATABASE_URL ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_READ_URL'],
        message: 'needs a PostgreSQL DATABASE_URL',
      });
    }
  })
  .transform((raw) => ({
    host: raw.HOST,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    databaseReadUrl: raw.DATABASE_READ_URL,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.MIERUKA_TRUST_PROXY === '1',
    trustedProxies: raw.MIERUKA_TRUSTED_PROXIES,
    writeWaitSeconds: raw.MIERUKA_WRITE_WAIT_SECONDS,
    actor: raw.MIERUKA_ACTOR,
    chromiumPath: raw.CHROMIUM_PATH,
    publicUrl: raw.MIERUKA_PUBLIC_URL,
  }));

export type Settings = z.output<typeof settingsSchema>;
export type LogLevel = Settings['logLevel'];

/** The description of a setting, e.g. `docOf('PORT').expected.en`. */
export function docOf(name: SettingName): SettingDoc {
  const doc = settingDocs.get(settingsShape[name]);
  if (!doc) throw new Error(`no description for ${name}`);
  return doc;
}
