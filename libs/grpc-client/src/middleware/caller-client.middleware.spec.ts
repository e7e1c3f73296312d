import { context } from '@opentelemetry/api';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { CALLER_METADATA_KEY, withCaller } from '@junction/auth';
import { fakeUnaryCall } from '../unary-call.fixture';
import { callerClient } from './caller-client.middleware';

describe('callerClient', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  afterAll(() => tracing.shutdown());

  const sentCaller = callerClient()(async (call) => call.metadata.get(CALLER_METADATA_KEY));

  it("forwards the verified caller's signed token upstream", async () => {
    const caller = {
      identity: { subject: 'alice', scopes: [], kind: 'api-key' as const },
      token: 'signed.token.value',
    };
    const sent = await context.with(withCaller(context.active(), caller), () =>
      sentCaller(fakeUnaryCall()),
    );
    expect(sent).toEqual(['signed.token.value']);
  });

  it('sends no caller for an anonymous request', async () => {
    expect(await sentCaller(fakeUnaryCall())).toEqual([]);
  });
});
