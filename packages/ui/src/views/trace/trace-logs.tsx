import type { LogEntry } from '../../api/api-types';
import { formatDuration } from '../../format/format-duration';

/** The trace's logs, timed from the trace's start. */
export function TraceLogs(props: { logs: readonly LogEntry[]; traceStartMs: number }) {
  return (
    <section class="trace-logs" aria-label="Logs">
      <h2>
        Logs <span class="muted">{props.logs.length}</span>
      </h2>
      {props.logs.length === 0 ? (
        <p class="muted small">No logs in this trace.</p>
      ) : (
        <table class="logs-table">
          <tbody>
            {props.logs.map((log, index) => (
              <tr
                key={`${log.timeMs}-${index}`}
                class={log.severityNumber >= 17 ? 'tone-error' : log.severityNumber >= 13 ? 'tone-warn' : ''}
              >
                <td class="num mono">+{formatDuration(Math.max(0, log.timeMs - props.traceStartMs))}</td>
                <td class="mono">{(log.severity ?? '').toLowerCase()}</td>
                <td class="muted">{log.serviceName ?? ''}</td>
                <td class="mono log-body">{log.body ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
