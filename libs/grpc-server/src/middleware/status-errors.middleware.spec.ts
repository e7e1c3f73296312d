import { createLogger } from '@junction/telemetry';
import { statusErrorOf } from '../testing';
import { notFound, Status, StatusError } from '../status.error';
import { fakeServerCall } from './server-call.fixture';
import { statusErrors } from './status-errors.middleware';

describe('statusErrors', () => {
  const lines: string[] = [];
  const logger = createLogger({
    name: 'test',
    level: 'info',
    destination: { write: (line: string) => void lines.push(line) },
  });
  beforeEach(() => (lines.length = 0));

  it('passes a StatusError on as it is, unlogged', async () => {
    const thrown = notFound('product 9 not found', 'PRODUCT_NOT_FOUND');
    const error = await statusErrorOf(
      statusErrors(logger)(() => Promise.reject(thrown))(fakeServerCall()),
    );
    expect(error).toBe(thrown);
    expect(lines).toEqual([]);
  });

  it('answers anything else INTERNAL without its text, and logs it with its stack', async () => {
    const bug = new Error('boom at /srv/secret.js:10');
    const error = await statusErrorOf(
      statusErrors(logger)(() => Promise.reject(bug))(fakeServerCall()),
    );
    expect(error).toEqual(new StatusError(Status.INTERNAL, 'internal error'));
    expect(error.message).not.toMatch(/secret/);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'unhandled error in gRPC handler',
      err: { message: 'boom at /srv/secret.js:10', stack: expect.stringContaining('Error: boom') },
    });
  });

  it('answers a status-bearing failure with its code, reason and public message only', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      grpcCode: Status.UNAVAILABLE,
      reason: 'DATABASE_UNAVAILABLE',
      publicMessage: 'the database is unavailable; try again shortly',
    });
    const error = await statusErrorOf(
      statusErrors(logger)(() => Promise.reject(outage))(fakeServerCall()),
    );
    expect(error).toEqual(
      new StatusError(
        Status.UNAVAILABLE,
        'the database is unavailable; try again shortly',
        'DATABASE_UNAVAILABLE',
      ),
    );
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      reason: 'DATABASE_UNAVAILABLE',
      msg: 'connect ECONNREFUSED 10.0.0.5:5432',
    });
  });

  it('lets an answer through', async () => {
    expect(await statusErrors(logger)(async () => 'answer')(fakeServerCall())).toBe('answer');
  });
});
