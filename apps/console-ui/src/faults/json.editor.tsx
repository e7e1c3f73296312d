import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../shared/display.format';
import { ProblemAlert } from '../shared/problem.alert';
import { useWrite } from '../shared/write.hook';
import { documentText, parseDocument } from './json.document';

export interface EditorTarget {
  readonly kind: 'faults' | 'config';
  readonly name: string;
  /** Consul KV key the console writes (shown so the operator knows what changes). */
  readonly key: string;
  readonly example: string;
  readonly load: () => Promise<unknown>;
  readonly save: (document: unknown) => Promise<unknown>;
  /** The document that turns everything off, when there is one (faults: {}). */
  readonly reset?: unknown;
}

/** A JSON document in Consul KV, edited as text and written only when the console accepts it. */
export function JsonEditor({ target }: { target: EditorTarget }) {
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | undefined>(undefined);
  const reading = useWrite();
  const writing = useWrite();

  const reload = () => {
    setSavedAt(undefined);
    void reading.run(async () => {
      const value = documentText(await target.load());
      setText(value);
      setLoaded(value);
    });
  };
  useEffect(reload, [target]);

  const parsed = parseDocument(text);
  const save = (document: unknown) =>
    void writing.run(async () => {
      await target.save(document);
      const value = documentText(document);
      setText(value);
      setLoaded(value);
      setSavedAt(formatClock(`${Date.now()}000000`));
    });

  return (
    <div class="editor" data-testid="json-editor" data-kind={target.kind} data-target={target.name}>
      <div class="panel-title">
        <span class="service-name">{target.name}</span>
        <span class="mono muted">{target.key}</span>
        <span class="spacer" />
        {loaded !== undefined && text !== loaded && (
          <span class="warn-text small">unsaved changes</span>
        )}
        {savedAt && text === loaded && (
          <span class="good-text small" data-testid="json-editor-saved">
            saved at {savedAt}
          </span>
        )}
      </div>
      <ProblemAlert error={reading.error} />
      <textarea
        class="code"
        data-testid="json-editor-text"
        aria-label={`${target.kind} document for ${target.name}`}
        spellcheck={false}
        rows={14}
        value={text}
        disabled={reading.pending}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div
        class={parsed.ok ? 'editor-status muted small' : 'editor-status bad-text small'}
        data-testid="json-editor-status"
      >
        {parsed.ok
          ? 'Valid JSON; the console checks it against the schema the app uses before writing.'
          : `${parsed.message}${parsed.line ? ` (line ${parsed.line}, column ${parsed.column})` : ''}`}
      </div>
      <ProblemAlert error={writing.error} onDismiss={writing.clear} />
      <div class="editor-actions">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="json-editor-save"
          disabled={!parsed.ok || writing.pending}
          onClick={() => parsed.ok && save(parsed.value)}
        >
          {writing.pending ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          class="btn"
          data-testid="json-editor-reload"
          onClick={reload}
          disabled={reading.pending}
        >
          Reload
        </button>
        {target.reset !== undefined && (
          <button
            type="button"
            class="btn"
            data-testid="json-editor-clear"
            disabled={writing.pending}
            onClick={() => save(target.reset)}
          >
            Clear faults
          </button>
        )}
        <span class="muted small example">
          e.g. <code>{target.example}</code>
        </span>
      </div>
    </div>
  );
}
