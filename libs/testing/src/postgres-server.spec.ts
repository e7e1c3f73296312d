import { Client } from 'pg';
import { startPostgresServer, type PostgresServer } from './postgres-server';

const PORT = 28591;

const selectOne = async (url: string) => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  await client.connect();
  try {
    return (await client.query('select 1 as one')).rows;
  } finally {
    await client.end();
  }
};

describe('startPostgresServer', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer(PORT);
  });
  afterAll(() => server?.destroy());

  it('serves a database created in it, refuses while stopped, and serves it again after a start', async () => {
    await server.createDatabase('probe');
    expect(await selectOne(server.url('probe'))).toEqual([{ one: 1 }]);
    await server.stop();
    await expect(selectOne(server.url('probe'))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await server.start();
    expect(await selectOne(server.url('probe'))).toEqual([{ one: 1 }]);
  });
});
