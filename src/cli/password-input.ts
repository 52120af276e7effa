/**
 * Reads a password for the CLI: from a hidden prompt on a terminal, or the first line of stdin when piped
 * (`echo "$PW" | mieruka user add tanaka --role editor`), so it never appears in arguments or shell history.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface PasswordSource {
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** Where the prompt goes (stderr, so stdout stays clean for scripts). */
  prompt: Writable;
}

async function firstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function promptHidden({ input, prompt }: PasswordSource, question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: prompt, terminal: true });
    // Echo nothing of what is typed: readline writes each keystroke through _writeToOutput.
    const internal = rl as unknown as { _writeToOutput: (s: string) => void };
    prompt.write(question);
    internal._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      prompt.write('\n');
      resolve(answer);
    });
  });
}

/** The password typed at a prompt, or piped in; e.g. `await readPassword(source, 'パスワード: ')`. */
export async function readPassword(source: PasswordSource, question: string): Promise<string> {
  return source.input.isTTY ? promptHidden(source, question) : firstLine(source.input);
}

export const processPasswordSource: PasswordSource = { input: process.stdin, prompt: process.stderr };
