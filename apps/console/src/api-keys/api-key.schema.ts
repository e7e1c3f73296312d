import { z } from 'zod';
import { ProblemError } from '../http/problem';

// The rules the CLI (tools/scripts/junction.mjs) and apiKeyRecordSchema apply,
// checked here first so a refusal names the field instead of failing inside create().
const SCOPE = /^[a-z][a-z0-9:._-]*$/;
const KEY_ID = /^[0-9a-f]{12}$/;
const MAX_OWNER = 200;
const MAX_SCOPES = 50;

export const createApiKeySchema = z
  .object({
    owner: z
      .string({
        error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string'),
      })
      .trim()
      .min(1, 'must not be blank')
      .max(MAX_OWNER, `must be at most ${MAX_OWNER} characters`),
    // Optional as in the CLI: a key without scopes passes only routes that ask for none.
    scopes: z
      .array(
        z
          .string({ error: 'must be a string' })
          .regex(SCOPE, 'must be lowercase letters, digits and :._- starting with a letter'),
        { error: 'must be an array of scope names' },
      )
      .max(MAX_SCOPES, `at most ${MAX_SCOPES} scopes`)
      .default([])
      .transform((scopes) => [...new Set(scopes)]),
  })
  .strict();

export type CreateApiKey = z.output<typeof createApiKeySchema>;

/** A key id as `list` shows it; anything else is refused before the registry is asked. */
export function checkKeyId(id: string): string {
  if (!KEY_ID.test(id))
    throw new ProblemError(
      400,
      `a key id is 12 lowercase hex digits (GET /api/keys lists them), got ${JSON.stringify(id)}`,
    );
  return id;
}
