/** Key/value pairs (span attributes, a resource, traits) as a dense two-column table. */
export function AttributeTable(props: { values: Record<string, unknown> | null | undefined; empty?: string }) {
  const entries = Object.entries(props.values ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p class="muted small">{props.empty ?? 'None.'}</p>;
  return (
    <table class="attributes">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{withBreaksAfterDots(key)}</th>
            <td>{formatValue(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * `http.response.status_code` wraps after a dot, at a namespace boundary, instead of in the
 * middle of a word: `<wbr>` after each dot offers the browser those places first.
 */
function withBreaksAfterDots(key: string) {
  const parts = key.split('.');
  return parts.map((part, index) =>
    index < parts.length - 1 ? (
      <span key={index}>
        {part}.<wbr />
      </span>
    ) : (
      part
    ),
  );
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}
