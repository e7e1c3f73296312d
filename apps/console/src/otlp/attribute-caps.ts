import type { AttributeValue } from '@junction/console-api';
import type { AnyValueInput, KeyValueInput } from './otlp-input';

export interface AttributeLimits {
  /** Attributes kept per span, event or log record; the rest are dropped. */
  readonly maxAttributes: number;
  /** Characters kept of any one value; longer ones are cut. */
  readonly maxValueLength: number;
}

/** What the caps took away, counted across one export request. */
export class CapCounts {
  droppedAttributes = 0;
  droppedEvents = 0;
  truncatedValues = 0;
}

type Primitive = string | number | boolean;

/**
 * Converts OTLP attribute values to the console's JSON values under the
 * limits: telemetry is attacker-controlled input, so no one span can hold
 * unbounded memory. Values are kept verbatim otherwise (escaping is the UI's).
 */
export class AttributeCaps {
  constructor(
    readonly limits: AttributeLimits,
    readonly counts = new CapCounts(),
  ) {}

  attributes(input: readonly KeyValueInput[]): Record<string, AttributeValue> {
    const out: Record<string, AttributeValue> = Object.create(null) as Record<
      string,
      AttributeValue
    >;
    let kept = 0;
    for (const { key: rawKey, value } of input) {
      if (value === undefined) continue;
      const key = this.text(rawKey);
      if (!(key in out)) {
        if (kept >= this.limits.maxAttributes) {
          this.counts.droppedAttributes += 1;
          continue;
        }
        kept += 1;
      }
      out[key] = this.value(value);
    }
    return { ...out };
  }

  /** A string within the length limit (counted when cut). */
  text(value: string): string {
    if (value.length <= this.limits.maxValueLength) return value;
    this.counts.truncatedValues += 1;
    return value.slice(0, this.limits.maxValueLength);
  }

  /** A log body or attribute value as text: strings as they are, the rest as JSON. */
  asText(value: AnyValueInput | undefined): string {
    if (value === undefined) return '';
    const converted = this.value(value);
    return typeof converted === 'string' ? converted : this.text(JSON.stringify(converted));
  }

  value(value: AnyValueInput): AttributeValue {
    if (value.arrayValue !== undefined) {
      const items = value.arrayValue.values;
      if (items.length > this.limits.maxAttributes) this.counts.droppedAttributes += 1;
      const kept = items.slice(0, this.limits.maxAttributes).map((item) => this.primitive(item));
      return kept.every((item) => item !== undefined)
        ? (kept as Primitive[])
        : this.text(JSON.stringify(this.plain(value)));
    }
    if (value.kvlistValue !== undefined) return this.text(JSON.stringify(this.plain(value)));
    return this.primitive(value) ?? '';
  }

  private primitive(value: AnyValueInput): Primitive | undefined {
    if (value.stringValue !== undefined) return this.text(value.stringValue);
    if (value.boolValue !== undefined) return value.boolValue;
    if (value.intValue !== undefined) {
      const n = Number(value.intValue);
      // Beyond 2^53 a number would change the value: keep its digits.
      return Number.isSafeInteger(n) ? n : value.intValue;
    }
    if (value.doubleValue !== undefined) return value.doubleValue;
    if (value.bytesValue !== undefined) return this.text(value.bytesValue);
    if (value.arrayValue !== undefined || value.kvlistValue !== undefined) return undefined;
    return '';
  }

  /** Nested values (kvlists, arrays of arrays) as plain JSON, to be shown as text. */
  private plain(value: AnyValueInput): unknown {
    if (value.arrayValue !== undefined) {
      return value.arrayValue.values.slice(0, this.limits.maxAttributes).map((v) => this.plain(v));
    }
    if (value.kvlistValue !== undefined) {
      return Object.fromEntries(
        value.kvlistValue.values
          .slice(0, this.limits.maxAttributes)
          .map(({ key, value: v }) => [key, v === undefined ? null : this.plain(v)]),
      );
    }
    return this.primitive(value) ?? null;
  }
}
