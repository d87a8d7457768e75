/** Key/value pairs (span attributes, a resource, traits) as a dense two-column table. */
export function AttributeTable(props: { values: Record<string, unknown> | null | undefined; empty?: string }) {
  const entries = Object.entries(props.values ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p class="muted small">{props.empty ?? 'None.'}</p>;
  return (
    <table class="attributes">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{formatValue(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}
