import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

const exportBody = (service: string, traceId: string, spanId: string) => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId,
              spanId,
              parentSpanId: '',
              name: 'GET /x',
              kind: 2,
              attributes: [
                { key: 'enduser.id', value: { stringValue: 'pseudonym' } },
                { key: 'http.status_code', value: { intValue: 200 } },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe('OTLP receiver', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => (receiver = await startOtlpReceiver()));
  afterAll(() => receiver.close());

  it('collects spans posted as OTLP/HTTP JSON, with their service name and string attributes', async () => {
    const res = await fetch(`${receiver.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exportBody('orders', 'a'.repeat(32), 'b'.repeat(16))),
    });
    expect(res.status).toBe(200);
    expect(receiver.spans).toContainEqual({
      service: 'orders',
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      parentSpanId: '',
      name: 'GET /x',
      kind: 2,
      attributes: { 'enduser.id': 'pseudonym' },
    });
  });

  it('serves the spans of one trace to other processes', async () => {
    await fetch(`${receiver.url}/v1/traces`, {
      method: 'POST',
      body: JSON.stringify(exportBody('gateway', 'c'.repeat(32), 'd'.repeat(16))),
    });
    const spans = (await (
      await fetch(`${receiver.url}/spans?traceId=${'c'.repeat(32)}`)
    ).json()) as { service: string }[];
    expect(spans.map((s) => s.service)).toEqual(['gateway']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    expect(
      (await fetch(`${receiver.url}/v1/traces`, { method: 'POST', body: 'nope' })).status,
    ).toBe(400);
  });
});
