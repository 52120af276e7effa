/** `mieruka import` reviews before going live: plausibility warnings to confirm, drafts unless --publish. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { openDatabase } from '../store/db.ts';
import { runCli } from './run.ts';

const header = 'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote';
const cite = 'komoro-pride-vol5,103,H3123.8%';
// mirai-2016 runs 2016-04 to 2020-04; its women-chief share was 19.8% (FY2015), its seizure count 102件 (H28) and
// 140件 (H30, stored as FY2018: that row is an update, the other three create values).
const implausible = [
  header,
  `mirai-2016.i.women-chief-ratio,FY2017,101%,${cite}`,
  `mirai-2016.i.seizure-count,FY2017,-5件,${cite}`,
  `mirai-2016.i.seizure-count,FY2018,2000000000000件,${cite}`,
  `mirai-2016.i.seizure-count,2090-01,2000000000001件,${cite}`,
].join('\n');

describe('mieruka import: warnings and drafts', () => {
  let dir: string;
  let db: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-import-review-'));
    db = join(dir, 'demo.sqlite');
    file = join(dir, 'kpi.csv');
    await writeFile(file, implausible);
    expect(await runCli(['seed', 'demo'], captureIo(db))).toBe(0);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const storedValues = async () => {
    const handle = openDatabase(db);
    try {
      return (
        await handle.db
          .selectFrom('indicator_value')
          .select('id')
          .where('date', 'in', ['FY2017', 'FY2018', '2090-01'])
          .where('indicator_id', 'in', ['mirai-2016.i.women-chief-ratio', 'mirai-2016.i.seizure-count'])
          .execute()
      ).length;
    } finally {
      await handle.close();
    }
  };

  it('lists every warning in a dry run, naming file, row and field, each with the id that confirms it', async () => {
    const io = captureIo(db);
    expect(await runCli(['import', file, '--dry-run'], io)).toBe(0);
    const warnings = io.stdout.filter((line) => line.includes('注意 (warning)'));
    expect(warnings).toContain(
      'kpi.csv 2行目 (row 2) value="101" 注意 (warning) [2:FY2017:share-over-100]: 割合が100%を超えています (101%) (a share above 100% (101%))',
    );
    const ids = warnings.map((line) => /\[([^\]]+)\]/.exec(line)?.[1]);
    expect(ids).toEqual(
      expect.arrayContaining([
        '2:FY2017:share-over-100',
        '3:FY2017:negative-amount',
        '4:FY2018:beyond-unit',
        '4:FY2018:jump',
        '5:2090-01:outside-period',
      ]),
    );
    expect(warnings.find((l) => l.includes('5:2090-01:outside-period'))).toContain('date="2090-01"');
    expect(io.stdout.at(-1)).toContain('warnings (0 confirmed)');
  });

  it('refuses a real run while any warning is unconfirmed, naming the ids, and saves nothing', async () => {
    const io = captureIo(db);
    expect(await runCli(['import', file, '--publish'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('--confirm 2:FY2017:share-over-100,');
    expect(io.stderr.join('\n')).toContain('warnings not confirmed');
    const some = captureIo(db);
    expect(
      await runCli(
        ['import', file, '--publish', '--confirm', '2:FY2017:share-over-100,3:FY2017:negative-amount'],
        some,
      ),
    ).toBe(1);
    expect(some.stderr.join('\n')).not.toContain('[2:FY2017:share-over-100]');
    expect(await storedValues()).toBe(1);
  });

  it('publishes at once with --publish once every warning is accepted', async () => {
    const io = captureIo(db);
    expect(await runCli(['import', file, '--publish', '--accept-warnings'], io)).toBe(0);
    expect(io.stdout.at(-1)).toContain('imported and published');
    expect(await storedValues()).toBe(4);
  });

  it('lands as drafts of the MIERUKA_ACTOR account by default, refusing when there is no such account', async () => {
    const nobody = captureIo(db);
    expect(await runCli(['import', file, '--accept-warnings'], nobody)).toBe(1);
    expect(nobody.stderr.join('\n')).toContain('importing as drafts needs a staff account');
    const handle = openDatabase(db);
    const added = await createAccountStore(handle.db).addUser({
      login: 'kikaku',
      password: 'a-long-enough-password',
      role: 'admin',
    });
    await handle.close();
    expect(added.ok).toBe(true);
    const io = captureIo({ DATABASE_URL: db, MIERUKA_ACTOR: 'kikaku' });
    expect(await runCli(['import', file, '--accept-warnings'], io)).toBe(0);
    expect(io.stdout.at(-1)).toContain('imported as drafts');
    expect(await storedValues()).toBe(1);
    const check = openDatabase(db);
    const drafts = await check.db
      .withTables<{ draft_change: { plan_id: string; author_id: string } }>()
      .selectFrom('draft_change')
      .select(['plan_id', 'author_id'])
      .execute();
    await check.close();
    expect(drafts).toHaveLength(4);
    expect(drafts.every((d) => d.plan_id === 'mirai-2016')).toBe(true);
  });
});
