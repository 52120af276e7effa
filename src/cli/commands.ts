/**
 * Every `mieruka` command: its name, summary and usage here, its work in a module under src/cli/ that is imported
 * only when the command runs, so `mieruka --help` and `mieruka <command> --help` load none of them (serve alone
 * pulls in the whole web app, report a browser driver). To add a command, write its module and list it here.
 */
import type { CliCommand } from './command.ts';

export const commands: readonly CliCommand[] = [
  {
    name: 'serve',
    summary:
      'サイトを配信する (serve the public site and API; migrates, and seeds the demo into an empty database)',
    usage: '[--port N] [--no-demo]',
    run: async (args, io) => (await import('./serve.ts')).runServe(args, io),
  },
  {
    name: 'migrate',
    summary: 'データベースを最新のスキーマにする (apply pending schema migrations)',
    usage: '',
    run: async (args, io) => (await import('./migrate.ts')).runMigrate(args, io),
  },
  {
    name: 'seed',
    summary: 'デモデータ (小諸市) を空のデータベースに入れる (load the Komoro demo into an empty database)',
    usage: 'demo',
    run: async (args, io) => (await import('./seed.ts')).runSeed(args, io),
  },
  {
    name: 'import-text',
    summary: '会報テキストから計画の下書きを作る (make a draft plan for review from a newsletter text)',
    usage: '<file.txt> [--out plan.json]',
    run: async (args, io) => (await import('./import-text.ts')).runImportText(args, io),
  },
  {
    name: 'export',
    summary: 'データを書き出す (export the JSON interchange document, or plans as CSV / XLSX)',
    usage:
      '--format json|csv|xlsx [--plan ID] [--organization ID] [--encoding utf-8|shift_jis] --out <file|dir|->',
    run: async (args, io) => (await import('./export.ts')).runExport(args, io),
  },
  {
    name: 'import',
    summary:
      'JSON 交換形式を空のデータベースに、CSV・XLSX の表を既存の計画に取り込む (import a JSON interchange file into an empty database, or a CSV/XLSX table into stored plans)',
    usage:
      '<file.json>… [--jobs N] | <file.csv|file.xlsx> [--dry-run] [--plan <id>] [--sheet <name>] [--quiet] ' +
      '[--map "列名=field"]… [--ignore "列名"]… [--year-kind fiscal|calendar] [--node <node>] ' +
      '[--mapping <name>] [--save-mapping <name>] [--publish] [--accept-warnings] [--confirm <id,…>]',
    run: async (args, io) => (await import('./import.ts')).runImport(args, io),
  },
  {
    name: 'report',
    summary: '進捗レポートを PDF に印刷する (print a plan’s progress report to PDF with headless Chromium)',
    usage: '--plan <id> --pdf <file> [--lang ja|en] [--quiet]',
    run: async (args, io) => (await import('./report.ts')).runReport(args, io),
  },
  {
    name: 'build-static',
    summary: '公開サイトを静的ファイルとして書き出す (write the public site as static files)',
    usage: '<dir> [--organization 団体コード|ID] [--quiet]',
    run: async (args, io) => (await import('./build-static.ts')).runBuildStatic(args, io),
  },
  {
    name: 'user',
    summary:
      'スタッフのアカウントを追加・一覧・パスワード変更する (add, list staff accounts; reset a password)',
    usage:
      'add <login> --role admin|editor|viewer|evaluator [--nodes id,…] [--organization id|団体コード] | list | passwd <login>',
    run: async (args, io) => (await import('./user.ts')).runUser(args, io),
  },
  {
    name: 'evaluation',
    summary:
      '評価の段階（一次評価・二次評価・外部評価・最終判断）に署名する (sign a stage of the evaluation cycle; exit 0 signed, 1 failed or already signed, 2 usage, 3 version conflict, 4 not allowed)',
    usage: 'sign <id> [--as login] [--version N] [--reason text]',
    run: async (args, io) => (await import('./evaluation.ts')).runEvaluation(args, io),
  },
  {
    name: 'verify',
    summary:
      '変更履歴のハッシュチェーンと公開データを検証する (check that no revision was altered or removed, that the published tables match the replayed history, and with --head that the log was only appended to since a kept head)',
    usage: '[--head SEQ:HASH|export.json|history-head.json]',
    run: async (args, io) => (await import('./verify.ts')).runVerify(args, io),
  },
  {
    name: 'backup',
    summary:
      'データベース全体をバックアップする (back up the whole database while the server runs: SQLite online backup, or pg_dump -Fc for PostgreSQL)',
    usage: '<file> [--force]',
    run: async (args, io) => (await import('./backup.ts')).runBackup(args, io),
  },
  {
    name: 'restore',
    summary:
      'バックアップからデータベースを戻して検証する (restore a backup into DATABASE_URL and verify it; refuses a database with data or in use unless --force)',
    usage: '<file> [--force]',
    run: async (args, io) => (await import('./restore.ts')).runRestore(args, io),
  },
];

/** The table's entry for `name`, e.g. `commandNamed('user').usage`; throws for a name not in the table. */
export function commandNamed(name: string): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command named ${name}`);
  return command;
}
