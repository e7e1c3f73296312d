// §2 of the reference: agent service & check endpoints (agent-local state).
import {
  agentCheck,
  agentChecks,
  agentServices,
  enc,
  get,
  healthEntries,
  put,
} from './support/consul-client';
import { closedPort, PROBE_TARGET_HOST } from './support/probe-targets';
import { scratch } from './support/scratch';

const s = scratch();

/** An HTTP check target nothing listens on. */
const closedPortUrl = async () => `http://${PROBE_TARGET_HOST}:${await closedPort()}/`;

const checkPut = (verb: string, id: string, query = '') =>
  put(`/v1/agent/check/${verb}/${enc(id)}${query}`);
const update = (id: string, body: unknown) =>
  put(`/v1/agent/check/update/${enc(id)}`, typeof body === 'string' ? { body } : { json: body });

/** A service with one TTL check `<name>-ttl` (TTL long enough not to expire during a test). */
async function ttlService(label: string, check: Record<string, unknown> = {}) {
  const name = s.name(label);
  const checkId = `${name}-ttl`;
  await s.mustRegister({ Name: name, Check: { CheckID: checkId, TTL: '1h', ...check } });
  return { name, checkId };
}

describe('§2.1 PUT /v1/agent/service/register', () => {
  test('registers: 200 with an empty body, listed in /v1/agent/services under its ID', async () => {
    const name = s.name('reg');
    const reply = await s.register({ Name: name, ID: `${name}-1`, Port: 8080, Tags: ['a', 'b'] });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const services = await agentServices();
    expect(services[`${name}-1`]).toMatchObject({
      ID: `${name}-1`,
      Service: name,
      Port: 8080,
      Tags: ['a', 'b'],
    });
  });

  test('ID defaults to Name', async () => {
    const name = s.name('defid');
    await s.mustRegister({ Name: name });
    expect((await agentServices())[name]).toMatchObject({ ID: name, Service: name });
  });

  test('re-registering an existing ID replaces the service definition', async () => {
    const name = s.name('replace');
    await s.mustRegister({ Name: name, Port: 1000, Tags: ['old'], Meta: { v: '1' } });
    await s.mustRegister({ Name: name, Port: 2000, Tags: ['new'] });
    const service = (await agentServices())[name];
    expect(service).toMatchObject({ Port: 2000, Tags: ['new'] });
    expect(service?.Meta ?? {}).toEqual({});
  });

  test('the registration is visible in /v1/health/service once the PUT returns', async () => {
    const name = s.name('synced');
    await s.mustRegister({ Name: name, Port: 7000 });
    const entries = await healthEntries(name);
    expect(entries.map((e) => e.Service.ID)).toEqual([name]);
  });

  test('missing or empty Name → 400 "Missing service name"', async () => {
    for (const body of [{ Port: 1 }, { Name: '' }]) {
      const reply = await put('/v1/agent/service/register', { json: body });
      expect(reply.status).toBe(400);
      expect(reply.text).toBe('Missing service name');
    }
  });

  test.each(['0.0.0.0', '::'])(
    'any-address %s → 400 "Invalid service address"',
    async (address) => {
      const reply = await s.register({ Name: s.name('anyaddr'), Address: address });
      expect(reply.status).toBe(400);
      expect(reply.text).toBe('Invalid service address');
    },
  );

  test('an IPv4 Address adds TaggedAddresses lan_ipv4 and wan_ipv4 = {Address, Port}', async () => {
    const name = s.name('ipv4');
    await s.mustRegister({ Name: name, Address: '10.1.2.3', Port: 8443 });
    const tagged = (await agentServices())[name]?.TaggedAddresses;
    expect(tagged).toMatchObject({
      lan_ipv4: { Address: '10.1.2.3', Port: 8443 },
      wan_ipv4: { Address: '10.1.2.3', Port: 8443 },
    });
  });

  test('an IPv6 Address adds TaggedAddresses lan_ipv6 and wan_ipv6', async () => {
    const name = s.name('ipv6');
    await s.mustRegister({ Name: name, Address: 'fd00::1', Port: 8443 });
    const tagged = (await agentServices())[name]?.TaggedAddresses;
    expect(tagged).toMatchObject({
      lan_ipv6: { Address: 'fd00::1', Port: 8443 },
      wan_ipv6: { Address: 'fd00::1', Port: 8443 },
    });
  });

  test('a host name Address adds no TaggedAddresses', async () => {
    const name = s.name('hostaddr');
    await s.mustRegister({ Name: name, Address: 'svc.example.internal', Port: 80 });
    const service = (await agentServices())[name];
    expect(service?.Address).toBe('svc.example.internal');
    expect(service?.TaggedAddresses).toBeUndefined();
  });

  test.each([
    ['a key with invalid characters', { 'bad key!': 'x' }],
    ['the reserved consul- prefix', { 'consul-owned': 'x' }],
    ['a key over 128 characters', { ['k'.repeat(129)]: 'x' }],
    ['a value over 512 characters', { k: 'v'.repeat(513) }],
    [
      'more than 64 pairs',
      Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])),
    ],
  ])('Meta with %s → 400 "Invalid Service Meta: …"', async (_what, meta) => {
    const reply = await s.register({ Name: s.name('meta'), Meta: meta });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Invalid Service Meta: /);
  });

  test('invalid Weights → 400 "Invalid Weights: …"', async () => {
    const reply = await s.register({
      Name: s.name('weights'),
      Weights: { Passing: -1, Warning: 1 },
    });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Invalid Weights: /);
  });

  describe('check validation (400)', () => {
    test('Interval and TTL both → "Invalid check: Interval and TTL cannot both be specified"', async () => {
      const reply = await s.register({
        Name: s.name('both'),
        Check: { TTL: '10s', Interval: '10s', HTTP: 'http://127.0.0.1:1/' },
      });
      expect(reply.status).toBe(400);
      expect(reply.text).toMatch(/^Invalid check: /);
      expect(reply.text).toContain('Interval and TTL cannot both be specified');
    });

    test('HTTP (or TCP, gRPC) without Interval → "Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks"', async () => {
      for (const check of [
        { HTTP: 'http://127.0.0.1:1/' },
        { TCP: '127.0.0.1:1' },
        { GRPC: '127.0.0.1:1' },
      ]) {
        const reply = await s.register({ Name: s.name('nointerval'), Check: check });
        expect(reply.status).toBe(400);
        expect(reply.text).toMatch(/^Invalid check: /);
        expect(reply.text).toContain(
          'Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks',
        );
      }
    });

    test('a check that is neither interval nor TTL ({"Notes": "x"}) → "Invalid check: TTL must be > 0 for TTL checks"', async () => {
      const reply = await s.register({ Name: s.name('notes'), Check: { Notes: 'x' } });
      expect(reply.status).toBe(400);
      expect(reply.text).toMatch(/^Invalid check: /);
      expect(reply.text).toContain('TTL must be > 0 for TTL checks');
    });

    test("Status outside passing|warning|critical → \"Status for checks must 'passing', 'warning', 'critical'\"", async () => {
      const reply = await s.register({
        Name: s.name('status'),
        Check: { TTL: '10s', Status: 'healthy' },
      });
      expect(reply.status).toBe(400);
      expect(reply.text).toBe("Status for checks must 'passing', 'warning', 'critical'");
    });

    test.each(['ID', 'Script'])('check field %s is unknown → 400', async (field) => {
      const reply = await s.register({
        Name: s.name('checkfield'),
        Check: { TTL: '10s', [field]: 'x' },
      });
      expect(reply.status).toBe(400);
      expect(reply.text).toContain(`unknown field "${field}"`);
    });

    test('a script check (Args) is refused while script checks are disabled (the default) → 500', async () => {
      const name = s.name('script');
      const reply = await s.register({
        Name: name,
        Check: { Args: ['/bin/true'], Interval: '10s' },
      });
      expect(reply.status).toBe(500);
      expect((await agentServices())[name]).toBeUndefined();
    });

    test('an empty Check object is ignored', async () => {
      const name = s.name('emptycheck');
      const reply = await s.register({ Name: name, Check: {} });
      expect(reply.status).toBe(200);
      const checks = Object.values(await agentChecks()).filter((c) => c.ServiceID === name);
      expect(checks).toEqual([]);
    });
  });

  describe('resulting checks', () => {
    test('a single check without CheckID gets ID "service:<id>" and Name "Service \'<name>\' check"', async () => {
      const name = s.name('single');
      await s.mustRegister({ Name: name, ID: `${name}-i`, Check: { TTL: '1h' } });
      const check = await agentCheck(`service:${name}-i`);
      expect(check).toMatchObject({
        CheckID: `service:${name}-i`,
        Name: `Service '${name}' check`,
        ServiceID: `${name}-i`,
        ServiceName: name,
        Type: 'ttl',
      });
    });

    test('several checks get "service:<id>:<n>" (1-based), Check first then Checks', async () => {
      const name = s.name('multi');
      await s.mustRegister({
        Name: name,
        Check: { TTL: '1h', Notes: 'from Check' },
        Checks: [
          { TTL: '1h', Notes: 'from Checks[0]' },
          { TTL: '1h', Notes: 'from Checks[1]' },
        ],
      });
      const checks = await agentChecks();
      expect(checks[`service:${name}:1`]?.Notes).toBe('from Check');
      expect(checks[`service:${name}:2`]?.Notes).toBe('from Checks[0]');
      expect(checks[`service:${name}:3`]?.Notes).toBe('from Checks[1]');
      expect(checks[`service:${name}`]).toBeUndefined();
    });

    test('explicit CheckID and Name are kept', async () => {
      const name = s.name('explicit');
      await s.mustRegister({
        Name: name,
        Checks: [{ CheckID: `${name}-a`, Name: 'alive', TTL: '1h' }],
      });
      expect(await agentCheck(`${name}-a`)).toMatchObject({ CheckID: `${name}-a`, Name: 'alive' });
    });

    test('initial status is critical unless Status is given', async () => {
      const name = s.name('initial');
      await s.mustRegister({
        Name: name,
        Checks: [
          { CheckID: `${name}-default`, TTL: '1h' },
          { CheckID: `${name}-warning`, TTL: '1h', Status: 'warning' },
        ],
      });
      expect((await agentCheck(`${name}-default`))?.Status).toBe('critical');
      expect((await agentCheck(`${name}-warning`))?.Status).toBe('warning');
    });

    test('re-registration carries over the current Status and Output of a check with the same ID', async () => {
      const { name, checkId } = await ttlService('carry');
      expect((await checkPut('pass', checkId, '?note=all%20good')).status).toBe(200);
      await s.mustRegister({ Name: name, Check: { CheckID: checkId, TTL: '1h' } });
      expect(await agentCheck(checkId)).toMatchObject({ Status: 'passing', Output: 'all good' });
    });

    test('without ?replace-existing-checks, checks absent from the new registration are kept', async () => {
      const { name, checkId } = await ttlService('keep');
      await s.mustRegister({ Name: name, Check: { CheckID: `${name}-other`, TTL: '1h' } });
      const checks = await agentChecks();
      expect(checks[checkId]).toBeDefined();
      expect(checks[`${name}-other`]).toBeDefined();
    });

    test.each(['?replace-existing-checks', '?replace-existing-checks=true'])(
      'with %s, checks absent from the new registration are removed',
      async (query) => {
        const { name, checkId } = await ttlService('replacechecks');
        await s.mustRegister({ Name: name, Check: { CheckID: `${name}-new`, TTL: '1h' } }, query);
        const checks = await agentChecks();
        expect(checks[checkId]).toBeUndefined();
        expect(checks[`${name}-new`]).toBeDefined();
      },
    );

    test.each(['?replace-existing-checks=1', '?replace-existing-checks=false'])(
      '%s does not turn replacement on (only empty or "true" do)',
      async (query) => {
        const { name, checkId } = await ttlService('replaceoff');
        await s.mustRegister({ Name: name, Check: { CheckID: `${name}-new`, TTL: '1h' } }, query);
        expect((await agentChecks())[checkId]).toBeDefined();
      },
    );
  });
});

describe('§2.2 PUT /v1/agent/service/deregister/:service_id', () => {
  test('removes the service and all its checks: 200 with an empty body', async () => {
    const name = s.name('dereg');
    await s.mustRegister({
      Name: name,
      Checks: [
        { CheckID: `${name}-a`, TTL: '1h' },
        { CheckID: `${name}-b`, TTL: '1h' },
      ],
    });
    const reply = await put(`/v1/agent/service/deregister/${name}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect((await agentServices())[name]).toBeUndefined();
    const checks = await agentChecks();
    expect(checks[`${name}-a`]).toBeUndefined();
    expect(checks[`${name}-b`]).toBeUndefined();
    expect(await healthEntries(name)).toEqual([]);
  });

  test('unknown ID → 404 "Unknown service ID \\"<id>\\". Ensure that the service ID is passed, not the service name."', async () => {
    const id = s.name('ghost');
    const reply = await put(`/v1/agent/service/deregister/${id}`);
    expect(reply.status).toBe(404);
    expect(reply.text).toBe(
      `Unknown service ID "${id}". Ensure that the service ID is passed, not the service name.`,
    );
  });
});

describe('§2.3 TTL updates', () => {
  test.each([
    ['pass', 'passing'],
    ['warn', 'warning'],
    ['fail', 'critical'],
  ])(
    'PUT /v1/agent/check/%s/:id?note= → status %s, Output = note; 200 empty body',
    async (verb, status) => {
      const { checkId } = await ttlService(verb, {
        Status: verb === 'pass' ? 'critical' : 'passing',
      });
      const reply = await checkPut(verb, checkId, '?note=the%20note');
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('');
      expect(await agentCheck(checkId)).toMatchObject({ Status: status, Output: 'the note' });
    },
  );

  test('an absent note sets Output to ""', async () => {
    const { checkId } = await ttlService('nonote');
    await checkPut('warn', checkId, '?note=something');
    await checkPut('pass', checkId);
    expect(await agentCheck(checkId)).toMatchObject({ Status: 'passing', Output: '' });
  });

  test('PUT /v1/agent/check/update/:id with {Status, Output} sets both', async () => {
    const { checkId } = await ttlService('update');
    const reply = await update(checkId, { Status: 'warning', Output: 'slow disk' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(await agentCheck(checkId)).toMatchObject({ Status: 'warning', Output: 'slow disk' });
  });

  test.each([
    ['a status outside passing|warning|critical', { Status: 'ok' }, "Invalid check status: 'ok'"],
    ['a missing Status', { Output: 'x' }, "Invalid check status: ''"],
    ['a status in the wrong case', { Status: 'Passing' }, "Invalid check status: 'Passing'"],
  ])('update with %s → 400 "Invalid check status: \'<value>\'"', async (_what, body, text) => {
    const { checkId } = await ttlService('badstatus');
    const reply = await update(checkId, body);
    expect(reply.status).toBe(400);
    expect(reply.text).toBe(text);
  });

  test('update with an empty body → 400 "Request decode failed: EOF"', async () => {
    const { checkId } = await ttlService('updateeof');
    const reply = await update(checkId, '');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Request decode failed: EOF');
  });

  test('update with an unknown body field → 400', async () => {
    const { checkId } = await ttlService('updatefield');
    const reply = await update(checkId, { Status: 'passing', Notes: 'x' });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('unknown field "Notes"');
  });

  test.each(['pass', 'warn', 'fail', 'update'])(
    '%s on an unknown check ID → 404 "Unknown check ID \\"<id>\\". Ensure that the check ID is passed, not the check name."',
    async (verb) => {
      const id = s.name('nocheck');
      const reply =
        verb === 'update' ? await update(id, { Status: 'passing' }) : await checkPut(verb, id);
      expect(reply.status).toBe(404);
      expect(reply.text).toBe(
        `Unknown check ID "${id}". Ensure that the check ID is passed, not the check name.`,
      );
    },
  );

  test.each(['pass', 'fail', 'update'])(
    '%s on a check that is not a TTL check → 500 "CheckID \\"<id>\\" does not have associated TTL"',
    async (verb) => {
      const name = s.name('notttl');
      const checkId = `${name}-http`;
      await s.mustRegister({
        Name: name,
        Check: { CheckID: checkId, HTTP: await closedPortUrl(), Interval: '1h' },
      });
      const reply =
        verb === 'update'
          ? await update(checkId, { Status: 'passing' })
          : await checkPut(verb, checkId);
      expect(reply.status).toBe(500);
      expect(reply.text).toContain(`CheckID "${checkId}" does not have associated TTL`);
    },
  );

  test('Output over 4096 bytes is truncated and suffixed " ... (captured 4096 of <total> bytes)"', async () => {
    const { checkId } = await ttlService('truncate');
    const output = 'x'.repeat(5000);
    await update(checkId, { Status: 'passing', Output: output });
    expect((await agentCheck(checkId))?.Output).toBe(
      `${'x'.repeat(4096)} ... (captured 4096 of 5000 bytes)`,
    );
    await checkPut('warn', checkId, `?note=${'y'.repeat(4100)}`);
    expect((await agentCheck(checkId))?.Output).toBe(
      `${'y'.repeat(4096)} ... (captured 4096 of 4100 bytes)`,
    );
  });

  test("Output is truncated at the check's OutputMaxSize", async () => {
    const { checkId } = await ttlService('maxsize', { OutputMaxSize: 10 });
    await update(checkId, { Status: 'passing', Output: '0123456789abcdef' });
    expect((await agentCheck(checkId))?.Output).toBe('0123456789 ... (captured 10 of 16 bytes)');
  });

  test('Output of exactly the maximum is kept whole', async () => {
    const { checkId } = await ttlService('exact');
    await update(checkId, { Status: 'passing', Output: 'z'.repeat(4096) });
    expect((await agentCheck(checkId))?.Output).toBe('z'.repeat(4096));
  });
});

describe('§2.4 GET /v1/agent/services', () => {
  test('an object keyed by service ID with Consul defaults (Tags [], Meta {}, Address "", Weights 1/1, no TaggedAddresses)', async () => {
    const name = s.name('shape');
    await s.mustRegister({ Name: name });
    const reply = await get('/v1/agent/services');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-consul-index')).toBeNull();
    const service = reply.json<Record<string, Record<string, unknown>>>()[name];
    expect(service).toMatchObject({
      ID: name,
      Service: name,
      Tags: [],
      Meta: {},
      Port: 0,
      Address: '',
      Weights: { Passing: 1, Warning: 1 },
      EnableTagOverride: false,
      Datacenter: expect.any(String),
    });
    expect(service).not.toHaveProperty('TaggedAddresses');
  });

  test('a valid ?filter (bexpr) selects services by their fields', async () => {
    const name = s.name('filtered');
    await s.mustRegister({ Name: name, ID: `${name}-1` });
    await s.mustRegister({ Name: name, ID: `${name}-2` });
    const reply = await get(`/v1/agent/services?filter=${enc(`Service == "${name}"`)}`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json<Record<string, unknown>>()).sort()).toEqual([
      `${name}-1`,
      `${name}-2`,
    ]);
  });

  test('invalid ?filter → 500 "Failed to create boolean expression evaluator"', async () => {
    const reply = await get(`/v1/agent/services?filter=${enc('Service ==')}`);
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('Failed to create boolean expression evaluator');
  });
});

describe('§2.5 GET /v1/agent/checks', () => {
  test('an object keyed by check ID with the HealthCheck fields', async () => {
    const name = s.name('checkshape');
    await s.mustRegister({
      Name: name,
      Tags: ['t1'],
      Check: { CheckID: `${name}-c`, Name: 'c', Notes: 'the notes', TTL: '1h' },
    });
    const reply = await get('/v1/agent/checks');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-consul-index')).toBeNull();
    const check = reply.json<Record<string, Record<string, unknown>>>()[`${name}-c`];
    for (const field of [
      'Node',
      'CheckID',
      'Name',
      'Status',
      'Notes',
      'Output',
      'ServiceID',
      'ServiceName',
      'ServiceTags',
      'Type',
      'Interval',
      'Timeout',
      'ExposedPort',
      'Definition',
      'CreateIndex',
      'ModifyIndex',
    ]) {
      expect(check).toHaveProperty(field);
    }
    expect(check).toMatchObject({
      CheckID: `${name}-c`,
      Name: 'c',
      Status: 'critical',
      Notes: 'the notes',
      Output: '',
      ServiceID: name,
      ServiceName: name,
      ServiceTags: ['t1'],
      Type: 'ttl',
    });
  });

  test('ServiceTags is [] when the service has no tags', async () => {
    const { checkId } = await ttlService('notags');
    expect((await agentCheck(checkId))?.ServiceTags).toEqual([]);
  });
});
