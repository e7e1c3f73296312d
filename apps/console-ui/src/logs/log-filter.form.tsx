import type { LogLevel } from '@junction/console-api';
import { useEffect, useState } from 'preact/hooks';
import { ChoiceSelect } from '../shared/choice-select';
import { LOG_LEVELS, type LogFilter } from '../shared/filter.query';

/** Service and minimum level apply at once; the text search on Enter. */
export function LogFilterForm({
  filter,
  services,
  onChange,
}: {
  filter: LogFilter;
  services: readonly string[];
  onChange: (filter: LogFilter) => void;
}) {
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  return (
    <form
      class="filters"
      data-testid="log-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filter, q: q.trim() || undefined });
      }}
    >
      <ChoiceSelect
        label="Service"
        testId="log-filter-service"
        value={filter.service}
        choices={services}
        onChange={(service) => onChange({ ...filter, service })}
      />
      <ChoiceSelect<LogLevel>
        label="Level at least"
        testId="log-filter-level"
        value={filter.level}
        choices={LOG_LEVELS}
        onChange={(level) => onChange({ ...filter, level })}
      />
      <label class="grow">
        Text
        <input
          data-testid="log-filter-text"
          type="search"
          placeholder="Search messages"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn" data-testid="log-filter-apply">
        Search
      </button>
    </form>
  );
}
