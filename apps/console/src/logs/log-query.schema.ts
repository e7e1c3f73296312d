import { z } from 'zod';
import { enumParam, limitParam, textParam, traceIdParam } from '../http/query-fields';
import { LOG_LEVELS } from './severity';

/** `GET /api/logs?traceId=&service=&level=&q=&limit=` (level is the lowest shown). */
export const logQuerySchema = z
  .object({
    traceId: traceIdParam,
    service: textParam(256),
    level: enumParam(LOG_LEVELS as unknown as readonly ['trace', ...string[]]),
    q: textParam(256),
    limit: limitParam(200, 2000),
  })
  .strict();
