import { sql, type Migration } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IN_MEMORY, type DatabaseSettings } from './database.settings';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { openDatabase } from './open-database';

interface Tables {
  notes: { id: number; body: string };
}

const settings = (overrides: Partial<DatabaseSettings> = {}): DatabaseSettings => ({
  DATABASE_DIR: IN_MEMORY,
  DATABASE_POOL_MAX: 2,
  DATABASE_TIMEOUT_MS: 1000,
  ...overrides,
});

const notesTable: Migration = {
  up: async (db) => {
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
  },
};

describe('openDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'junction-persistence-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the migrations into the service schema and queries there', async () => {
    const database = await openDatabase<Tables>({
      service: 'note-keeper',
      settings: settings(),
      migrations: { '0001-notes': notesTable },
    });
    await database.db.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
    const { rows } = await sql<{ schema: string }>`
      select table_schema as schema from information_schema.tables where table_name = 'notes'
    `.execute(database.db);
    expect(rows).toEqual([{ schema: 'note_keeper' }]);
    expect(database.location).toBe('embedded (memory)');
    await database.close();
  });

  it('keeps embedded data across a reopen and applies each migration once', async () => {
    const open = (migrations: Record<string, Migration>) =>
      openDatabase<Tables>({
        service: 'notes',
        settings: settings({ DATABASE_DIR: dir }),
        migrations,
      });
    const first = await open({ '0001-notes': notesTable });
    await first.db.insertInto('notes').values({ id: 7, body: 'survives' }).execute();
    await first.close();

    const addedColumn: Migration = {
      up: (db) => db.schema.alterTable('notes').addColumn('tag', 'text').execute(),
    };
    const second = await open({ '0001-notes': notesTable, '0002-tag': addedColumn });
    expect(await second.db.selectFrom('notes').select(['id', 'body']).execute()).toEqual([
      { id: 7, body: 'survives' },
    ]);
    await second.close();
    expect(second.location).toBe(`embedded (${path.join(dir, 'notes')})`);
  });

  it('fails with DatabaseUnavailableError when the server cannot be reached', async () => {
    // Port 1 on loopback: nothing listens, the connect is refused at once.
    const attempt = openDatabase({
      service: 'notes',
      settings: settings({ DATABASE_URL: 'postgres://junction:secret@127.0.0.1:1/junction' }),
      migrations: {},
    });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toMatchObject({
      grpcCode: 14,
      reason: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
