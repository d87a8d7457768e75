/** Exact to the microsecond, unlike to_timestamp(double), whatever the epoch value. */
function timestamp(us: string): string {
  return `(TIMESTAMPTZ 'epoch' + ${us} * INTERVAL '1 microsecond')`;
}

/** The org id is bound as this parameter: the statement goes over the extended protocol, one statement only. */
const ORG = '$1';

/**
 * The bodies of the public views, as CTEs to put in front of a user's query, filtered on
 * the org bound as `$1`. A non-recursive CTE does not see its own name, so the `logs` CTE
 * reads the `logs` table while the user's query only ever sees the CTE. NOT MATERIALIZED
 * keeps each view inlined even when a query reads it twice, so the user's filters reach
 * the table's indexes.
 */
export function buildPostgresOrgViews(): string {
  return `traces AS NOT MATERIALIZED (
  SELECT s.trace_id AS trace_id, s.span_id AS span_id, s.parent_span_id AS parent_span_id, s.name AS name,
    CASE s.kind WHEN 1 THEN 'INTERNAL' WHEN 2 THEN 'SERVER' WHEN 3 THEN 'CLIENT' WHEN 4 THEN 'PRODUCER'
      WHEN 5 THEN 'CONSUMER' ELSE 'UNSPECIFIED' END AS kind,
    s.service_name AS service_name,
    ${timestamp('s.start_us')} AS start_time,
    ${timestamp('s.end_us')} AS end_time,
    (s.end_us - s.start_us)::double precision / 1000 AS duration_ms,
    CASE s.status_code WHEN 1 THEN 'OK' WHEN 2 THEN 'ERROR' ELSE 'UNSET' END AS status_code,
    s.status_message AS status_message, s.session_id AS session_id, s.attributes AS attributes,
    r.attributes AS resource, s.events AS events, s.links AS links
  FROM spans s LEFT JOIN resources r ON r.org_id = s.org_id AND r.id = s.resource_id
  WHERE s.org_id = ${ORG}
),
logs AS NOT MATERIALIZED (
  SELECT ${timestamp('l.time_us')} AS "timestamp", ${timestamp('l.observed_us')} AS observed_timestamp,
    l.trace_id AS trace_id, l.span_id AS span_id,
    COALESCE(NULLIF(l.severity_text, ''), CASE
      WHEN l.severity_number BETWEEN 1 AND 4 THEN 'TRACE' WHEN l.severity_number BETWEEN 5 AND 8 THEN 'DEBUG'
      WHEN l.severity_number BETWEEN 9 AND 12 THEN 'INFO' WHEN l.severity_number BETWEEN 13 AND 16 THEN 'WARN'
      WHEN l.severity_number BETWEEN 17 AND 20 THEN 'ERROR' WHEN l.severity_number BETWEEN 21 AND 24 THEN 'FATAL'
      ELSE 'UNSPECIFIED' END) AS severity,
    l.severity_number AS severity_number, l.body AS body, l.service_name AS service_name,
    l.session_id AS session_id, l.attributes AS attributes, r.attributes AS resource
  FROM logs l LEFT JOIN resources r ON r.org_id = l.org_id AND r.id = l.resource_id
  WHERE l.org_id = ${ORG}
),
sessions AS NOT MATERIALIZED (
  SELECT session_id, user_id, ${timestamp('started_us')} AS started_at, ${timestamp('ended_us')} AS ended_at,
    (ended_us - started_us)::double precision / 1000 AS duration_ms, span_count, log_count, error_count,
    has_replay, first_url, page_count, active_ms, browser, os, device_type, click_count, js_error_count,
    console_error_count, failed_request_count, rage_click_count, dead_click_count, double_submit_count,
    error_click_count, slow_frame_count
  FROM sessions
  WHERE org_id = ${ORG}
)`;
}
