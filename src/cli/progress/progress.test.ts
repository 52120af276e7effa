import { describe, expect, it } from 'vitest';
import { captureIo, FakeStream } from '../../../test/helpers/cli-io.ts';
import type { ProgressUpdate } from '../../domain/progress.ts';
import { formatSeconds, PlainProgress, plainProgressLine, startProgress, TerminalProgress } from './index.ts';

const csi = '\x1b[';

describe('formatSeconds', () => {
  it('gives tenths under 10 s, whole seconds under a minute, then minutes', () => {
    expect(formatSeconds(2.345)).toEqual({ ja: '2.3 秒', en: '2.3 s' });
    expect(formatSeconds(42.4)).toEqual({ ja: '42 秒', en: '42 s' });
    expect(formatSeconds(65)).toEqual({ ja: '1 分 5 秒', en: '1 min 5 s' });
  });
});

describe('plainProgressLine', () => {
  it('names the command and step, counts, and estimates the time left at the pace so far', () => {
    const line = plainProgressLine('import', { step: 'check-rows', done: 40_000, total: 100_000 }, 2_000);
    expect(line).toBe(
      '[import] 行を確認 (checking rows): 40,000/100,000 (40%)、残り約 3 秒 (about 3 s left)',
    );
  });

  it('gives no estimate before the first unit, and the time taken at the end', () => {
    expect(plainProgressLine('build-static', { step: 'render-pages', done: 0, total: 3 }, 0)).toBe(
      '[build-static] ページを生成 (rendering pages): 0/3 (0%)',
    );
    expect(plainProgressLine('report', { step: 'print-pdf', done: 3, total: 3 }, 2_100)).toBe(
      '[report] PDF を印刷 (printing the PDF): 3/3 (100%)、完了 2.1 秒 (done in 2.1 s)',
    );
  });
});

describe('PlainProgress', () => {
  it('writes when a step starts, at most once per interval while it runs, and once when it ends', () => {
    let now = 0;
    const lines: string[] = [];
    const plain = new PlainProgress({ command: 'import', writeLine: (l) => lines.push(l), now: () => now });
    const feed = (at: number, update: ProgressUpdate) => {
      now = at;
      plain.update(update);
    };
    feed(0, { step: 'check-rows', done: 0, total: 100 });
    feed(1_000, { step: 'check-rows', done: 10, total: 100 });
    feed(4_999, { step: 'check-rows', done: 40, total: 100 });
    feed(5_000, { step: 'check-rows', done: 50, total: 100 });
    feed(6_000, { step: 'check-rows', done: 100, total: 100 });
    feed(6_500, { step: 'check-rows', done: 100, total: 100 });
    feed(7_000, { step: 'write-rows', done: 0, total: 100 });
    feed(7_100, { step: 'write-rows', done: 100, total: 100 });
    expect(lines).toEqual([
      '[import] 行を確認 (checking rows): 0/100 (0%)',
      '[import] 行を確認 (checking rows): 50/100 (50%)、残り約 5 秒 (about 5 s left)',
      '[import] 行を確認 (checking rows): 100/100 (100%)、完了 6 秒 (done in 6 s)',
      '[import] 行を書き込み (writing rows): 0/100 (0%)',
      '[import] 行を書き込み (writing rows): 100/100 (100%)、完了 0.1 秒 (done in 0.1 s)',
    ]);
  });
});

describe('TerminalProgress on a terminal', () => {
  it('draws a bar in place with the counts, and leaves each finished step on its own line', () => {
    const tty = new FakeStream({ isTTY: true });
    const terminal = new TerminalProgress(tty);
    terminal.update({ step: 'render-pages', done: 0, total: 4 });
    terminal.update({ step: 'render-pages', done: 2, total: 8 });
    terminal.update({ step: 'write-files', done: 0, total: 8 });
    terminal.update({ step: 'write-files', done: 8, total: 8 });
    terminal.stop();
    const text = tty.text();
    // Cursor control: autowrap off while drawing, the line rewritten from its first column.
    expect(text).toContain(`${csi}?7l`);
    expect(text).toContain(`${csi}1G`);
    expect(text).toMatch(/ページを生成 \(rendering pages\) █*░+ 2\/8 \(25%\)/);
    expect(text).toMatch(/ファイルを書き出し \(writing files\) █{20} 8\/8 \(100%\)、完了 [\d.]+ 秒/);
    expect(text.match(/\n/g)).toHaveLength(2);
  });
});

describe('startProgress', () => {
  const update: ProgressUpdate = { step: 'check-rows', done: 0, total: 10 };

  it('writes plain lines without cursor control when stderr is not a terminal', () => {
    const stream = new FakeStream();
    const progress = startProgress(captureIo({}, { progress: stream }), 'import', false);
    progress.onProgress?.(update);
    progress.stop();
    expect(stream.lines()).toEqual(['[import] 行を確認 (checking rows): 0/10 (0%)']);
    expect(stream.text()).not.toContain('\x1b');
  });

  it('draws on a terminal, but not on one whose TERM is dumb', () => {
    const tty = new FakeStream({ isTTY: true });
    const drawn = startProgress(captureIo({}, { progress: tty }), 'import', false);
    drawn.onProgress?.(update);
    drawn.stop();
    expect(tty.text()).toContain(csi);
    const dumb = new FakeStream({ isTTY: true });
    startProgress(captureIo({ TERM: 'dumb' }, { progress: dumb }), 'import', false).onProgress?.(update);
    expect(dumb.text()).not.toContain('\x1b');
    expect(dumb.lines()).toHaveLength(1);
  });

  it('shows nothing with --quiet', () => {
    const tty = new FakeStream({ isTTY: true });
    const progress = startProgress(captureIo({}, { progress: tty }), 'import', true);
    expect(progress.onProgress).toBeUndefined();
    progress.stop();
    expect(tty.text()).toBe('');
  });
});
