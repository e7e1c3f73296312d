// Validates Kubernetes manifests (a JSON array on stdin) with the validators
// kubernetes-models ships: ajv-compiled from the Kubernetes OpenAPI schemas,
// one per kind. Prints a JSON array of problems; a kind it has no model of
// is a problem too. A separate process, because kubernetes-models is ESM only.
import { readFileSync } from 'node:fs';

const manifests = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const manifest of manifests) {
  const { apiVersion = '', kind = '' } = manifest ?? {};
  const name = `${kind} ${manifest?.metadata?.name ?? '(unnamed)'}`;
  const modulePath = `kubernetes-models/${apiVersion.includes('/') ? apiVersion : apiVersion || 'none'}`;
  let Model;
  try {
    Model = (await import(modulePath))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    problems.push(`${name}: no schema for ${apiVersion}/${kind}`);
    continue;
  }
  try {
    new Model(manifest).validate();
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.stdout.write(JSON.stringify(problems));
