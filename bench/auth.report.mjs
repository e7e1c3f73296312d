// docs/benchmarks.md's authentication section: what verification costs per
// operation in-process (against the bare primitives) and per request on the
// shop route (against the same route asked anonymously).
import { AUTH_LOAD, AUTH_RUNS } from './auth-route.mjs';

const SERVICES = ['catalog', 'inventory', 'reviews'];
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const x = (n) => `${fmt(n, 2)}×`;
const signed = (n) => `${n < 0 ? '−' : '+'}${fmt(Math.abs(n))}`;

function summarize(runs) {
  const perProcess = (name) => mean(runs.map((r) => r.cpuUs[name]));
  return {
    rps: mean(runs.map((r) => r.rps)),
    p50: mean(runs.map((r) => r.p50)),
    p99: mean(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    gateway: perProcess('gateway'),
    services: mean(SERVICES.map(perProcess)),
    total: mean(runs.map((r) => Object.values(r.cpuUs).reduce((a, b) => a + b, 0))),
  };
}

export function authReport(ops, runs) {
  const s = Object.fromEntries(AUTH_RUNS.map(({ key }) => [key, summarize(runs[key])]));
  const base = s.anonymous;
  const opRow = (title, { junction, bare }, bareTitle) =>
    `| ${title} | ${fmt(junction, 1)} | ${bareTitle} | ${fmt(bare, 1)} | ${x(junction / bare)} |`;
  const routeRows = AUTH_RUNS.map(({ key, title }) => {
    const r = s[key];
    const extra = key === 'anonymous' ? '' : ` (${signed(r.total - base.total)})`;
    return `| ${title} | ${fmt(r.rps)} | ${x(r.rps / base.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 1)} | ${r.errors} | ${fmt(r.gateway)} | ${fmt(r.services)} | **${fmt(r.total)}**${extra} |`;
  });
  const internal = ops.internal;
  const jose = 'jose `jwtVerify` with the key in hand';
  return `## Authentication: what verifying a credential costs

\`bench/auth-verification.mjs\`, in-process, CPU µs per operation (\`process.cpuUsage\`), each beside the bare
primitive it rests on, measured in the same run. The gateway's \`Authenticator\` is given the header as a request
carries it; the API key is looked up among ${ops.keysInSet} keys; the JWKS comes over HTTP from a stand-in identity
provider (\`bench/identity-provider.mjs\`) and is then cached.

| operation | Junction µs | bare primitive | µs | ratio |
|---|---:|---|---:|---:|
${opRow('API key (parse, look up by id, SHA-256, constant-time compare)', ops.apiKey, 'SHA-256 + `timingSafeEqual`')}
${opRow('JWT ES256, a token not seen before (parse, algorithm allow-list, JWKS cache, signature, claims)', { junction: ops.es256.first, bare: ops.es256.bare }, jose)}
${opRow('JWT ES256, the same token again (remembered until it expires, at most 60 s)', { junction: ops.es256.again, bare: ops.es256.bare }, jose)}
${opRow('JWT RS256, a token not seen before', { junction: ops.rs256.first, bare: ops.rs256.bare }, jose)}
${opRow('JWT RS256, the same token again', { junction: ops.rs256.again, bare: ops.rs256.bare }, jose)}

The caller token the gateway passes to services (HS256, 2 minutes): minting it costs ${fmt(internal.mintCached, 2)} µs
per request once cached (it is re-signed once a minute per identity); a service checks a token it has seen in
${fmt(internal.verifyCached, 2)} µs and one it has not in ${fmt(internal.verifyFirst, 1)} µs.

Per request on the shop route (\`bench/auth-route.mjs\`): one stack (as \`npm start\` runs it, plus the stand-in
identity provider), \`wrk -c${AUTH_LOAD.connections} -d${AUTH_LOAD.durationS}s\` after ${AUTH_LOAD.warmupS} s of warm-up, the same route asked
anonymously and with each credential in ${runs.anonymous.length} interleaved rounds (figures are means). The route is public, so the credential changes nothing but
verification: at the gateway, and the caller token's check on each of the three upstream calls.

| credential | req/s | vs anonymous | p50 ms | p99 ms | errors | gateway µs | each service µs | CPU µs per request |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${routeRows.join('\n')}

Asked with a credential, the gateway spends ${fmt(s.apiKey.gateway - base.gateway)} µs more per request with an API key, ${fmt(s.es256.gateway - base.gateway)} µs with an
ES256 JWT and ${fmt(s.rs256.gateway - base.gateway)} µs with an RS256 JWT. Verification itself is the few µs above (a client resends its token, so
the signature is checked about once a minute); the rest carries the identity: the request's context, the caller token
on each of the three upstream calls, the identity's own rate-limit bucket. A service's part (a cached token check,
${fmt(internal.verifyCached, 2)} µs in-process) is below the run-to-run spread of its column, which inventory's embedded Postgres
dominates (see the shop route above).
`;
}
