import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiKeyAdmin, apiKeyRecordSchema, consulKvStore } from '@junction/auth';
import { z } from 'zod';

/** What the developer's key may do: every scope the shop's routes ask for. */
export const DEV_API_KEY_SCOPES: readonly string[] = ['orders'];
const DEV_API_KEY_OWNER = 'developer';

const savedKeySchema = z.object({ key: z.string().min(1), record: apiKeyRecordSchema });

/**
 * The API key `npm start` prints: kept in `.data/dev-api-key.json` (mode
 * 600, git-ignored) so the same key keeps working across restarts, put back
 * into KV when the dev registry forgot it. A revoked or unreadable one is
 * replaced by a new key; nothing here ever runs against production unless
 * the developer points `npm start` at it.
 */
export async function devApiKey(consulAddress: string, file: string): Promise<string> {
  const admin = new ApiKeyAdmin(consulKvStore(consulAddress));
  const saved = await readSaved(file);
  if (saved && (await admin.ensure(saved.record))) return saved.key;
  const created = await admin.create(DEV_API_KEY_OWNER, DEV_API_KEY_SCOPES);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  return created.key;
}

async function readSaved(file: string): Promise<z.output<typeof savedKeySchema> | undefined> {
  try {
    const parsed = savedKeySchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves once the gateway accepts `key` (GET /api/v1/me answers 200): a
 * key written to KV reaches the gateway on its next blocking-query answer,
 * so a key printed before that would be refused for a moment. Each refusal
 * counts against the client's AUTH_FAILURE_LIMIT, so the checks back off
 * (50 ms doubling to 1 s): about 15 in 10 s, well under the default 30.
 */
export async function awaitApiKeyAccepted(
  gatewayUrl: string,
  key: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastStatus = 'no answer';
  for (let pauseMs = 50; ; pauseMs = Math.min(pauseMs * 2, 1000)) {
    try {
      const res = await fetch(`${gatewayUrl}/api/v1/me`, {
        headers: { 'x-api-key': key },
        signal: AbortSignal.timeout(1000),
      });
      await res.body?.cancel();
      if (res.status === 200) return;
      lastStatus = `HTTP ${res.status}`;
    } catch (error) {
      lastStatus = (error as Error).message;
    }
    if (Date.now() + pauseMs > deadline) {
      throw new Error(
        `the gateway did not accept the new API key in ${timeoutMs} ms (${lastStatus})`,
      );
    }
    await delay(pauseMs);
  }
}
