import type { LogLevel } from '@junction/console-api';
import { useEffect, useState } from 'preact/hooks';
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
      <label>
        Service
        <select
          data-testid="log-filter-service"
          value={filter.service ?? ''}
          onChange={(e) => onChange({ ...filter, service: e.currentTarget.value || undefined })}
        >
          <option value="">any</option>
          {services.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Level at least
        <select
          data-testid="log-filter-level"
          value={filter.level ?? ''}
          onChange={(e) =>
            onChange({
              ...filter,
              level: (e.currentTarget.value || undefined) as LogLevel | undefined,
            })
          }
        >
          <option value="">any</option>
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
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
