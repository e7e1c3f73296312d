import type { LogView } from '@junction/console-api';
import { levelOf } from '../logs/severity';
import type { AttributeCaps } from './attribute-caps';
import { logTraceIds } from './otlp-ids';
import type { LogsInput } from './otlp-input';
import { serviceOf } from './span.mapper';

/** The log records of one export request, checked and capped, ready for the store. */
export function toLogViews(input: LogsInput, caps: AttributeCaps): LogView[] {
  const logs: LogView[] = [];
  input.resourceLogs.forEach((resourceLogs, r) => {
    const service = caps.text(serviceOf(resourceLogs.resource));
    resourceLogs.scopeLogs.forEach((scope, s) => {
      scope.logRecords.forEach((record, i) => {
        const ids = logTraceIds(record, `resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}]`);
        logs.push({
          // A record may carry only the time it was observed (time 0 means unknown).
          timeUnixNano:
            record.timeUnixNano !== '0' ? record.timeUnixNano : record.observedTimeUnixNano,
          service,
          level: levelOf(record.severityNumber, record.severityText),
          message: caps.asText(record.body),
          ...ids,
          attributes: caps.attributes(record.attributes),
        });
      });
    });
  });
  return logs;
}
