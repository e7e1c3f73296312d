/**
 * Whether an Accept header asks for JSON over text: `application/json` is
 * listed with a quality above zero and no text type is preferred to it.
 * Prometheus' own Accept (openmetrics, text/plain, *\/*) never selects JSON.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let json = 0;
  let text = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = qualityOf(params);
    if (type === 'application/json') json = Math.max(json, q);
    else if (type.startsWith('text/') || type.startsWith('application/openmetrics-text')) {
      text = Math.max(text, q);
    }
  }
  return json > 0 && json >= text;
}

function qualityOf(params: readonly string[]): number {
  const q = params.find((param) => param.startsWith('q='));
  if (!q) return 1;
  const value = Number(q.slice(2));
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
