import { INSIGHT_TYPES, type InsightType } from '../../api/api-types';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../format/format-date';
import { hasActiveFilters, type SessionFilters } from '../../sessions/session-filters';

const INSIGHT_LABELS: Record<InsightType, string> = {
  'rage-click': 'Rage clicks',
  'dead-click': 'Dead clicks',
  'double-submit': 'Double submits',
  'error-click': 'Clicks into errors',
  'slow-frame': 'Slow frames',
};

/**
 * The search form. Text fields apply on Enter or when they lose focus; choices apply at
 * once. Every change becomes the URL, so the search is a link to share.
 */
export function SessionFiltersBar(props: { filters: SessionFilters; onChange: (filters: SessionFilters) => void }) {
  const { filters } = props;
  const set = (patch: Partial<SessionFilters>) => {
    const next: SessionFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof SessionFilters)[]) if (next[key] === undefined) delete next[key];
    props.onChange(next);
  };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const seconds = (value: string) => {
    const number = Number(value);
    return value.trim() === '' || !Number.isFinite(number) || number < 0 ? undefined : Math.round(number * 1000);
  };

  return (
    <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label="Search sessions">
      <label class="field">
        <span>User</span>
        <input
          type="search"
          placeholder="user id (prefix)"
          value={filters.user ?? ''}
          onChange={(event) => set({ user: text(event.currentTarget.value) })}
        />
      </label>
      <label class="field grow">
        <span>URL</span>
        <input
          type="search"
          placeholder="/checkout"
          value={filters.url ?? ''}
          onChange={(event) => set({ url: text(event.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>Trace ID</span>
        <input
          type="search"
          class="mono"
          placeholder="32 hex"
          pattern="[0-9a-fA-F]{32}"
          value={filters.traceId ?? ''}
          onChange={(event) => set({ traceId: text(event.currentTarget.value)?.toLowerCase() })}
        />
      </label>
      <label class="field">
        <span>Browser</span>
        <input
          type="search"
          placeholder="Chrome"
          value={filters.browser ?? ''}
          onChange={(event) => set({ browser: text(event.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>Insight</span>
        <select
          value={filters.insight ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            set({ insight: (INSIGHT_TYPES as readonly string[]).includes(value) ? (value as InsightType) : undefined });
          }}
        >
          <option value="">Any</option>
          {INSIGHT_TYPES.map((type) => (
            <option key={type} value={type}>
              {INSIGHT_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>From</span>
        <input
          type="datetime-local"
          value={filters.from !== undefined ? toDateTimeLocalValue(filters.from) : ''}
          onChange={(event) => set({ from: fromDateTimeLocalValue(event.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>To</span>
        <input
          type="datetime-local"
          value={filters.to !== undefined ? toDateTimeLocalValue(filters.to) : ''}
          onChange={(event) => set({ to: fromDateTimeLocalValue(event.currentTarget.value) })}
        />
      </label>
      <label class="field narrow">
        <span>Min s</span>
        <input
          type="number"
          min="0"
          step="1"
          value={filters.minDurationMs !== undefined ? filters.minDurationMs / 1000 : ''}
          onChange={(event) => set({ minDurationMs: seconds(event.currentTarget.value) })}
        />
      </label>
      <label class="field narrow">
        <span>Max s</span>
        <input
          type="number"
          min="0"
          step="1"
          value={filters.maxDurationMs !== undefined ? filters.maxDurationMs / 1000 : ''}
          onChange={(event) => set({ maxDurationMs: seconds(event.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>Errors</span>
        <select
          value={filters.hasError === undefined ? '' : String(filters.hasError)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            set({ hasError: value === '' ? undefined : value === 'true' });
          }}
        >
          <option value="">Any</option>
          <option value="true">With errors</option>
          <option value="false">Without errors</option>
        </select>
      </label>
      {hasActiveFilters(filters) && (
        <button
          type="button"
          class="link-button"
          onClick={() => props.onChange(filters.sort ? { sort: filters.sort } : {})}
        >
          Clear
        </button>
      )}
    </form>
  );
}
