import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from './read-settings.ts';

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    readSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('readSettings accepted the environment');
}

describe('readSettings', () => {
  it('gives every default for an empty environment', () => {
    expect(readSettings({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: undefined,
      logLevel: 'info',
      trustProxy: false,
      trustedProxies: 0,
      writeWaitSeconds: 5,
      actor: 'system',
      chromiumPath: '/usr/bin/chromium',
    });
  });

  it('reads each setting from its variable', () => {
    const settings = readSettings({
      HOST: '0.0.0.0',
      PORT: '3000',
      DATABASE_URL: 'postgres://mieruka:pw@db:5432/mieruka',
      LOG_LEVEL: 'silent',
      MIERUKA_TRUST_PROXY: '1',
      MIERUKA_TRUSTED_PROXIES: '2',
      MIERUKA_WRITE_WAIT_SECONDS: '0.5',
      MIERUKA_ACTOR: ' 企画課 ',
      CHROMIUM_PATH: '/opt/chrome/chrome',
    });
    expect(settings).toEqual({
      host: '0.0.0.0',
      port: 3000,
      databaseUrl: 'postgres://mieruka:pw@db:5432/mieruka',
      logLevel: 'silent',
      trustProxy: true,
      trustedProxies: 2,
      writeWaitSeconds: 0.5,
      actor: '企画課',
      chromiumPath: '/opt/chrome/chrome',
    });
  });

  it('takes an empty variable for an unset one', () => {
    expect(readSettings({ PORT: '', LOG_LEVEL: ' ' })).toMatchObject({ port: 8080, logLevel: 'info' });
  });

  it('ignores variables that are not its own, and the test suite’s MIERUKA_TEST_…', () => {
    expect(readSettings({ PATH: '/bin', MIERUKA_TEST_RUN: 'x', MIERUKA_SKIP_POSTGRES: '1' }).port).toBe(8080);
  });

  describe('refuses', () => {
    it('a misspelt MIERUKA_ setting, naming it and the known ones', () => {
      const message = problemsOf({ MIERUKA_TRUST_PROXIE: '1' });
      expect(message).toContain('不明な設定です: MIERUKA_TRUST_PROXIE');
      expect(message).toContain('(unknown setting MIERUKA_TRUST_PROXIE; known: MIERUKA_TRUST_PROXY,');
    });

    it.each([
      ['PORT', 'eighty', 'an integer from 0 to 65535'],
      ['PORT', '70000', 'an integer from 0 to 65535'],
      ['HOST', 'a b', 'an IP address or host name'],
      ['LOG_LEVEL', 'verbose', 'fatal, error, warn, info, debug, trace, silent'],
      ['MIERUKA_TRUST_PROXY', 'yes', '0 or 1'],
      ['MIERUKA_TRUSTED_PROXIES', '-1', 'an integer from 0 to 32'],
      ['MIERUKA_TRUSTED_PROXIES', '1.5', 'an integer from 0 to 32'],
      ['MIERUKA_TRUSTED_PROXIES', '99', 'an integer from 0 to 32'],
      ['MIERUKA_WRITE_WAIT_SECONDS', 'soon', 'a number of seconds from 0 to 3600'],
      ['MIERUKA_WRITE_WAIT_SECONDS', '-1', 'a number of seconds from 0 to 3600'],
      [
        'DATABASE_URL',
        'mysql://root@db/mieruka',
        'a file path, sqlite:path, file:path, :memory: or postgres://',
      ],
    ])('%s=%s, naming the variable, the value and what is expected', (name, value, expected) => {
      const message = problemsOf({ [name]: value });
      expect(message).toContain(`設定 ${name} の値 "${value}" が正しくありません`);
      expect(message).toContain(`(invalid setting ${name}="${value}": expected ${expected}`);
    });

    it('every bad variable at once', () => {
      const message = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', MIERUKA_PORT: '1' });
      expect(message.split('\n')).toHaveLength(3);
    });

    it('a malformed DATABASE_URL without showing its password', () => {
      const message = problemsOf({ DATABASE_URL: 'mysql://admin:hunter2@db/mieruka' });
      expect(message).not.toContain('hunter2');
      expect(message).toContain('mysql://admin:***@db/mieruka');
    });

    it('a DATABASE_READ_URL that is not PostgreSQL, or beside a SQLite DATABASE_URL, without its password', () => {
      const writer = 'postgres://mieruka:hunter2@primary/mieruka';
      expect(problemsOf({ DATABASE_URL: writer, DATABASE_READ_URL: 'data/replica.sqlite' })).toContain(
        'invalid setting DATABASE_READ_URL',
      );
      const message = problemsOf({ DATABASE_READ_URL: 'postgres://mieruka:hunter2@replica/mieruka' });
      expect(message).toContain('with a PostgreSQL `DATABASE_URL`');
      expect(message).not.toContain('hunter2');
    });
  });

  it('reads DATABASE_READ_URL beside a PostgreSQL DATABASE_URL', () => {
    const settings = readSettings({
      DATABASE_URL: 'postgres://mieruka@primary/mieruka',
      DATABASE_READ_URL: 'postgres://mieruka@replica/mieruka',
    });
    expect(settings.databaseReadUrl).toBe('postgres://mieruka@replica/mieruka');
  });
});
