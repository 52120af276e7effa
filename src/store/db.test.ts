import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, defaultSqlitePath, parseDatabaseUrl } from './db.ts';

describe('parseDatabaseUrl', () => {
  it('defaults to the SQLite file under data/', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: 'sqlite', path: defaultSqlitePath });
  });

  it.each([
    ['tmp/a.sqlite', 'tmp/a.sqlite'],
    ['sqlite:tmp/a.sqlite', 'tmp/a.sqlite'],
    ['file:/var/lib/a.db', '/var/lib/a.db'],
    ['sqlite:///var/lib/a.db', '/var/lib/a.db'],
    [':memory:', ':memory:'],
  ])('reads %s as SQLite at %s', (url, path) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'sqlite', path });
  });

  it.each(['postgres://u@h:5432/db', 'postgresql://h/db'])('reads %s as PostgreSQL', (url) => {
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'postgres', connectionString: url });
  });

  it.each(['', '  ', 'mysql://h/db', 'sqlite:', 'http://example.org/db'])(
    'rejects %j in Japanese and English',
    (url) => {
      expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError);
      expect(() => parseDatabaseUrl(url)).toThrow(/DATABASE_URL が正しくありません.*\(invalid DATABASE_URL/);
    },
  );
});
