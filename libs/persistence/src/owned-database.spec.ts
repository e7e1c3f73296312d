import { IN_MEMORY } from './database.settings';
import { ownedDatabase } from './owned-database';

const logger = () => {
  const lines: { level: string; fields: object; message: string }[] = [];
  return {
    lines,
    warn: (fields: object, message: string) => void lines.push({ level: 'warn', fields, message }),
    info: (fields: object, message: string) => void lines.push({ level: 'info', fields, message }),
  };
};

const settings = { DATABASE_DIR: IN_MEMORY, DATABASE_POOL_MAX: 1, DATABASE_TIMEOUT_MS: 1000 };

describe('ownedDatabase', () => {
  it('migrates, then seeds, then says where the database is', async () => {
    const log = logger();
    const seeded: number[] = [];
    const database = await ownedDatabase({
      migrations: {
        '0001-counts': {
          up: (db) => db.schema.createTable('counts').addColumn('n', 'integer').execute(),
        },
      },
      seed: async (db) => {
        await db.insertInto('counts').values({ n: 3 }).execute();
        seeded.push(3);
      },
    }).open({ service: 'counter', config: settings, logger: log });
    expect(seeded).toEqual([3]);
    expect(log.lines).toEqual([
      { level: 'info', fields: { database: 'embedded (memory)' }, message: 'database ready' },
    ]);
    await database.close();
  });

  it('refuses a config without the database fields, naming the service', async () => {
    const open = ownedDatabase({ migrations: {} }).open({
      service: 'counter',
      config: { COUNTER_PORT: 1 },
      logger: logger(),
    });
    await expect(open).rejects.toThrow(
      'counter declares a database but its config lacks databaseEnv()',
    );
  });
});
