// `npm run junction -- <command>`: operator commands against the platform's
// Consul (CONSUL_HTTP_ADDR, default the dev registry's http://127.0.0.1:8500).
//   api-key create --owner <name> [--scopes a,b]   prints the key once
//   api-key list                                    id, owner, scopes, created, revoked
//   api-key revoke <id>
// Uses the built @junction/auth (npm run build, or npm start, builds it).
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run junction -- api-key create --owner <name> [--scopes orders,…]
       npm run junction -- api-key list
       npm run junction -- api-key revoke <id>`;

const fail = (message, code = 2) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const SCOPE = /^[a-z][a-z0-9:._-]*$/;
const KEY_ID = /^[0-9a-f]{12}$/;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { owner: { type: 'string' }, scopes: { type: 'string', default: '' } },
    strict: true,
  }).valueOf();
  const [group, command, ...rest] = positionals;
  if (group !== 'api-key' || !['create', 'list', 'revoke'].includes(command)) fail(USAGE);
  let auth;
  try {
    auth = await import('@junction/auth');
  } catch {
    fail('@junction/auth is not built: run `npm run build` first', 1);
  }
  const address = process.env.CONSUL_HTTP_ADDR || 'http://127.0.0.1:8500';
  const consul = /^https?:\/\//.test(address) ? address : `http://${address}`;
  const admin = new auth.ApiKeyAdmin(auth.consulKvStore(consul));
  if (command === 'create') {
    const owner = values.owner?.trim();
    if (!owner) fail('api-key create: --owner <name> is required');
    const scopes = values.scopes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = scopes.filter((s) => !SCOPE.test(s));
    if (bad.length)
      fail(`api-key create: invalid scope ${bad.join(', ')} (lowercase, e.g. orders)`);
    const { key, record } = await admin.create(owner, scopes);
    process.stdout.write(
      `API key ${record.id} for ${owner} (${scopes.join(', ') || 'no scopes'}):\n${key}\n`,
    );
    process.stdout.write('Shown once: only its hash is stored.\n');
  } else if (command === 'list') {
    for (const r of await admin.list()) {
      const state = r.revokedAt ? `revoked ${r.revokedAt}` : 'active';
      process.stdout.write(
        `${r.id}  ${r.owner}  [${r.scopes.join(',')}]  created ${r.createdAt}  ${state}\n`,
      );
    }
  } else {
    const [id] = rest;
    if (!id || !KEY_ID.test(id))
      fail('api-key revoke: give the key id (12 hex characters, from list)');
    if (!(await admin.revoke(id))) fail(`api-key revoke: no key ${id}`, 1);
    process.stdout.write(`revoked ${id}\n`);
  }
}

main().catch((error) => fail(`junction: ${error.message}`, 1));
