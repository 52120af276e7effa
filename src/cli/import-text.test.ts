import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { runImportText } from './import-text.ts';

describe('mieruka import-text', () => {
  it('refuses a missing file with a Japanese and English error naming it', async () => {
    const io = captureIo();
    expect(await runImportText(['/no/such/news.txt'], io)).toBe(1);
    expect(io.stderr.join('\n')).toBe('ファイルを読めません (cannot read file): /no/such/news.txt');
  });

  it('writes the draft plan with --out and says it is a draft for review', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-text-'));
    const file = join(dir, 'news.txt');
    await writeFile(file, '2020.1 発行\n\n1.改革 「正す」\n\n- ●残業ゼロ\n');
    const io = captureIo();
    expect(await runImportText([file, '--out', join(dir, 'plan.json')], io)).toBe(0);
    const draft = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8'));
    expect(draft.status).toBe('draft');
    expect(draft.plan.nodes[0].children[0].title).toBe('残業ゼロ');
    expect(io.stderr.join('\n')).toContain('下書き');
  });
});
