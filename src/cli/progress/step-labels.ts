/** What each step that reports progress is called on the command line, Japanese then English. */
import type { ProgressStep } from '../../domain/progress.ts';

export const stepLabels: Readonly<Record<ProgressStep, string>> = {
  'render-pages': 'ページを生成 (rendering pages)',
  'write-files': 'ファイルを書き出し (writing files)',
  'check-rows': '行を確認 (checking rows)',
  'write-rows': '行を書き込み (writing rows)',
  'print-pdf': 'PDF を印刷 (printing the PDF)',
};
