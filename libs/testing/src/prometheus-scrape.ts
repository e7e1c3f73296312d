export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Scrape {
  readonly samples: readonly MetricSample[];
  /**
   * The sum of the series of `name` whose labels include all of `labels`;
   * undefined when there is none (a counter never incremented, a gauge never set).
   */
  value(name: string, labels?: Readonly<Record<string, string>>): number | undefined;
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

/** Reads Prometheus' text exposition format (comments skipped, label values unescaped). */
export function parsePrometheusText(text: string): Scrape {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key] = raw.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return {
    samples,
    value: (name, wanted = {}) => {
      const matching = samples.filter(
        (s) => s.name === name && Object.entries(wanted).every(([key, v]) => s.labels[key] === v),
      );
      return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
    },
  };
}

/** GETs a `/metrics` endpoint and parses it; fails on any status but 200. */
export async function scrapeMetrics(url: string): Promise<Scrape> {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return parsePrometheusText(text);
}
