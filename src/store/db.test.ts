import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  DatabaseUrlError,
  defaultSqlitePath,
  openDatabase,
  openSqliteImage,
  parseDatabaseUrl,
  redactUrl,
  sqliteImage,
} from './db.ts';

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

  it('never shows the password of a URL it rejects', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@h/db')).toThrow('mysql://root:***@h/db');
  });
});

describe('redactUrl', () => {
  it('hides the password of a URL and leaves a path alone', () => {
    expect(redactUrl('postgres://u:p%40ss@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
    expect(redactUrl('postgres://u:p@ss/w@h/d')).toBe('postgres://u:***@h/d');
    expect(redactUrl('postgres://h:5432/d')).toBe('postgres://h:5432/d');
    expect(redactUrl('data/mieruka.sqlite')).toBe('data/mieruka.sqlite');
  });
});

describe('sqliteImage and openSqliteImage', () => {
  it('open independent in-memory copies of a SQLite database, foreign keys on', async () => {
    const original = openDatabase(':memory:');
    await sql`create table parent (id text primary key)`.execute(original.db);
    await sql`create table child (parent_id text references parent (id))`.execute(original.db);
    await sql`insert into parent values ('a')`.execute(original.db);
    const image = sqliteImage(original.db);
    await original.close();

    const [first, second] = [openSqliteImage(image), openSqliteImage(image)];
    try {
      await sql`insert into parent values ('b')`.execute(first.db);
      const ids = sql<{ id: string }>`select id from parent order by id`;
      expect((await ids.execute(first.db)).rows).toEqual([{ id: 'a' }, { id: 'b' }]);
      expect((await ids.execute(second.db)).rows).toEqual([{ id: 'a' }]);
      await expect(sql`insert into child values ('nowhere')`.execute(second.db)).rejects.toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('refuses a PostgreSQL database', async () => {
    const handle = openDatabase('postgres://postgres@127.0.0.1:1/none');
    try {
      expect(() => sqliteImage(handle.db)).toThrow(/not a SQLite database/);
    } finally {
      await handle.close();
    }
  });
});
