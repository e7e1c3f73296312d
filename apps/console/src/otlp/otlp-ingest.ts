import type { LogStore } from '../logs/log-store';
import type { SpanStore } from '../traces/span-store';
import type { StoredSpan } from '../traces/stored-span';
import { AttributeCaps, CapCounts, type AttributeLimits } from './attribute-caps';
import { toLogViews } from './log.mapper';
import type { LogsInput, TracesInput } from './otlp-input';
import { toStoredSpans } from './span.mapper';

/**
 * Where decoded exports land: mapped under the attribute limits, then
 * stored. A request is checked whole before anything of it is stored, so a
 * refused request leaves nothing behind and an accepted one is kept whole.
 */
export class OtlpIngest {
  /** What the limits cut, since start. */
  readonly capped = new CapCounts();

  constructor(
    private readonly spans: SpanStore,
    private readonly logs: LogStore,
    private readonly limits: AttributeLimits,
    /** Told of every accepted batch of spans (the service map's call edges). */
    private readonly onSpans: (spans: readonly StoredSpan[]) => void = () => undefined,
  ) {}

  traces(input: TracesInput): number {
    const caps = new AttributeCaps(this.limits);
    const spans = toStoredSpans(input, caps);
    this.spans.add(spans);
    this.onSpans(spans);
    this.count(caps.counts);
    return spans.length;
  }

  logRecords(input: LogsInput): number {
    const caps = new AttributeCaps(this.limits);
    const logs = toLogViews(input, caps);
    this.logs.add(logs);
    this.count(caps.counts);
    return logs.length;
  }

  private count(counts: CapCounts): void {
    this.capped.droppedAttributes += counts.droppedAttributes;
    this.capped.droppedEvents += counts.droppedEvents;
    this.capped.truncatedValues += counts.truncatedValues;
  }
}
