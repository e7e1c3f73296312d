/**
 * Writes a Consul KV key (objects as JSON), as ops would with `curl -X PUT`;
 * fails unless the registry accepted it.
 */
export async function putKv(registryUrl: string, key: string, value: unknown): Promise<void> {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  const res = await fetch(`${registryUrl}/v1/kv/${key}`, { method: 'PUT', body });
  const answer = await res.text();
  if (res.status !== 200 || answer.trim() !== 'true') {
    throw new Error(`PUT ${key} answered ${res.status} ${answer}`);
  }
}

/** Deletes a Consul KV key (deleting a missing key is fine). */
export async function deleteKv(registryUrl: string, key: string): Promise<void> {
  const res = await fetch(`${registryUrl}/v1/kv/${key}`, { method: 'DELETE' });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`DELETE ${key} answered ${res.status}`);
}

/** Registry ids of a service's instances whose checks pass. */
export async function passingInstanceIds(registryUrl: string, service: string): Promise<string[]> {
  const res = await fetch(`${registryUrl}/v1/health/service/${service}?passing`);
  const entries = (await res.json()) as { Service: { ID: string } }[];
  return entries.map((entry) => entry.Service.ID);
}
