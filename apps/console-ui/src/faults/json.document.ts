export type ParsedDocument =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly message: string;
      readonly line?: number;
      readonly column?: number;
    };

/**
 * The editor's text as a JSON object, or where it is not one. The console
 * validates the document itself; this only catches what is not JSON at all
 * before a round trip.
 */
export function parseDocument(text: string): ParsedDocument {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (!position) return { ok: false, message };
    const before = text.slice(0, Number(position[1]));
    const lines = before.split('\n');
    return {
      ok: false,
      message: message.replace(/\s*\(line \d+ column \d+\)$/, ''),
      line: lines.length,
      column: lines[lines.length - 1].length + 1,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The document must be a JSON object ({ … })' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The text the editor starts from: the stored document pretty-printed, `{}` when none. */
export function documentText(value: unknown): string {
  return value === undefined || value === null ? '{}' : JSON.stringify(value, null, 2);
}
