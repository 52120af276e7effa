/**
 * In-memory SQLite databases for tests, each an independent copy of an image made once per process: one migrated,
 * one also holding the Komoro demo. Migrating costs tens of milliseconds and seeding the demo one to two seconds in
 * a fresh process; copying an image about a millisecond.
 */
import { writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { seedDemo } from '../../src/io/seed-demo.ts';
import { type DatabaseHandle, openDatabase, openSqliteImage, sqliteImage } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw new Error(`migration failed: ${String(migrated.error)}`);
}

async function imageOf(handle: DatabaseHandle, prepare: (db: Kysely<Database>) => Promise<void>) {
  try {
    await prepare(handle.db);
    return sqliteImage(handle.db);
  } finally {
    await handle.close();
  }
}

let migrated: Promise<Buffer> | undefined;
let demo: Promise<Buffer> | undefined;

const migratedImage = () => {
  migrated ??= imageOf(openDatabase(':memory:'), migrate);
  return migrated;
};

/** A fresh in-memory database migrated to the latest schema. */
export async function openMigratedSqlite(): Promise<DatabaseHandle> {
  return openSqliteImage(await migratedImage());
}

const demoImage = () => {
  demo ??= migratedImage().then((image) =>
    imageOf(openSqliteImage(image), async (db) => {
      await seedDemo(db);
    }),
  );
  return demo;
};

/** A fresh in-memory database migrated and holding the Komoro demo (`seedDemo`). */
export async function openDemoSqlite(): Promise<DatabaseHandle> {
  return openSqliteImage(await demoImage());
}

/** Writes a SQLite file holding the migrated demo, for tests of commands that open `DATABASE_URL` themselves. */
export async function writeDemoSqlite(path: string): Promise<void> {
  await writeFile(path, await demoImage());
}
