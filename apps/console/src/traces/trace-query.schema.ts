import { z } from 'zod';
import { enumParam, limitParam, numberParam, textParam } from '../http/query-fields';

/** `GET /api/traces?service=&route=&status=&minDurationMs=&limit=`; unknown parameters are refused. */
export const traceQuerySchema = z
  .object({
    service: textParam(256),
    route: textParam(1024),
    status: enumParam(['ok', 'error', 'degraded']),
    minDurationMs: numberParam(0, 86_400_000),
    limit: limitParam(100, 1000),
  })
  .strict();
