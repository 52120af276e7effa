/**
 * Reads the settings from the environment, refusing a malformed value or an unknown `MIERUKA_…` name (a typo would
 * otherwise leave the setting silently at its default).
 *
 * @example readSettings({ PORT: '3000' }).port // 3000
 */
import { redactUrl } from '../../store/db.ts';
import { docOf, type SettingName, type Settings, settingsSchema, settingsShape } from './settings.ts';

/** `MIERUKA_…` variables of the test suite and CI, not of the application: known, so never a typo. */
const toolingVariables = new Set(['MIERUKA_SKIP_POSTGRES', 'MIERUKA_NODE_PREFIX']);
const isToolingVariable = (name: string) => toolingVariables.has(name) || name.startsWith('MIERUKA_TEST_');

const settingNames = Object.keys(settingsShape) as SettingName[];

/** A setting that stops the start; the message names every variable at fault. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

function shown(name: SettingName, value: string): string {
  const text = docOf(name).secret ? redactUrl(value) : value;
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function unknownNames(env: NodeJS.ProcessEnv): string[] {
  const known = new Set<string>(settingNames);
  const mierukaSettings = settingNames.filter((name) => name.startsWith('MIERUKA_')).join(', ');
  return Object.keys(env)
    .filter((name) => name.startsWith('MIERUKA_') && !known.has(name) && !isToolingVariable(name))
    .map(
      (name) =>
        `不明な設定です: ${name}（使える設定: ${mierukaSettings}） (unknown setting ${name}; known: ${mierukaSettings})`,
    );
}

// An empty variable (`PORT=` in a compose file) means "not set", as in most tools.
function givenValues(env: NodeJS.ProcessEnv): Partial<Record<SettingName, string>> {
  const given: Partial<Record<SettingName, string>> = {};
  for (const name of settingNames) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') given[name] = value;
  }
  return given;
}

/** The settings in `env`, e.g. `readSettings(process.env)`; throws a SettingsError naming each bad variable. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const given = givenValues(env);
  const parsed = settingsSchema.safeParse(given);
  const problems = unknownNames(env);
  if (!parsed.success) {
    const faulty = new Set(parsed.error.issues.map((issue) => issue.path[0] as SettingName));
    for (const name of settingNames.filter((n) => faulty.has(n))) {
      const { expected } = docOf(name);
      problems.push(
        `設定 ${name} の値 ${shown(name, given[name] ?? '')} が正しくありません。${expected.ja} を指定してください ` +
          `(invalid setting ${name}=${shown(name, given[name] ?? '')}: expected ${expected.en})`,
      );
    }
  }
  if (problems.length > 0 || !parsed.success) throw new SettingsError(problems);
  return parsed.data;
}
