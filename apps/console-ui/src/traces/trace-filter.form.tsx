import type { TraceOutcome } from '@junction/console-api';
import { useEffect, useState } from 'preact/hooks';
import { ChoiceSelect } from '../shared/choice-select';
import { TRACE_OUTCOMES, type TraceFilter } from '../shared/filter.query';

/** Service, route, outcome and minimum duration; selects apply at once, text fields on Enter. */
export function TraceFilterForm({
  filter,
  services,
  routes,
  onChange,
}: {
  filter: TraceFilter;
  services: readonly string[];
  routes: readonly string[];
  onChange: (filter: TraceFilter) => void;
}) {
  const [route, setRoute] = useState(filter.route ?? '');
  const [minDuration, setMinDuration] = useState(filter.minDurationMs?.toString() ?? '');
  useEffect(() => setRoute(filter.route ?? ''), [filter.route]);
  useEffect(() => setMinDuration(filter.minDurationMs?.toString() ?? ''), [filter.minDurationMs]);

  const apply = (event: Event) => {
    event.preventDefault();
    const min = Number(minDuration);
    onChange({
      ...filter,
      route: route.trim() || undefined,
      minDurationMs:
        minDuration.trim() !== '' && Number.isFinite(min) && min >= 0 ? min : undefined,
    });
  };
  return (
    <form class="filters" onSubmit={apply} data-testid="trace-filters">
      <ChoiceSelect
        label="Service"
        testId="trace-filter-service"
        value={filter.service}
        choices={services}
        onChange={(service) => onChange({ ...filter, service })}
      />
      <label>
        Route
        <input
          data-testid="trace-filter-route"
          list="trace-routes"
          placeholder="/api/v1/products/:id"
          value={route}
          onInput={(e) => setRoute(e.currentTarget.value)}
        />
        <datalist id="trace-routes">
          {routes.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <ChoiceSelect<TraceOutcome>
        label="Status"
        testId="trace-filter-status"
        value={filter.status}
        choices={TRACE_OUTCOMES}
        onChange={(status) => onChange({ ...filter, status })}
      />
      <label>
        Min duration (ms)
        <input
          data-testid="trace-filter-min-duration"
          type="number"
          min="0"
          step="any"
          class="narrow"
          value={minDuration}
          onInput={(e) => setMinDuration(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn" data-testid="trace-filter-apply">
        Apply
      </button>
    </form>
  );
}
