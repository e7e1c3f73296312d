import { useState } from 'preact/hooks';
import { hrefFor, traceIdFromInput } from './hash.route';
import { navigate } from './hash-route.hook';

/** Paste an X-Trace-Id (or a traceparent) to open its waterfall. */
export function TraceSearchForm() {
  const [value, setValue] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const traceId = traceIdFromInput(value);
    if (traceId) navigate(hrefFor('traces', { traceId }));
  };
  return (
    <form class="trace-search" role="search" onSubmit={submit}>
      <input
        id="trace-search-input"
        data-testid="trace-search-input"
        type="search"
        placeholder="Trace id or traceparent"
        aria-label="Trace id"
        autocomplete="off"
        spellcheck={false}
        value={value}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      <button id="trace-search-button" data-testid="trace-search-button" type="submit" class="btn">
        Open trace
      </button>
    </form>
  );
}
