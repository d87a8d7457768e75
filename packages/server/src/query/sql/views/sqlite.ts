import { toOrgIdLiteral } from '../org-id-literal.js';

/** 'YYYY-MM-DDTHH:MM:SS.ffffffZ': sorts and compares chronologically as text, keeps microseconds. */
function isoTime(us: string): string {
  return `strftime('%Y-%m-%dT%H:%M:%S', ${us} / 1000000, 'unixepoch') || printf('.%06dZ', ${us} % 1000000)`;
}

/**
 * The bodies of the public views for one org, as CTEs to put in front of a user's query.
 * Real tables are named `main.…`: a schema-qualified name never resolves to a CTE, so the
 * `logs` CTE can read the `logs` table, and the user's query only ever sees the CTEs.
 */
export function buildSqliteOrgViews(orgId: number): string {
  const org = toOrgIdLiteral(orgId);
  return `traces AS NOT MATERIALIZED (
  SELECT s.trace_id AS trace_id, s.span_id AS span_id, s.parent_span_id AS parent_span_id, s.name AS name,
    CASE s.kind WHEN 1 THEN 'INTERNAL' WHEN 2 THEN 'SERVER' WHEN 3 THEN 'CLIENT' WHEN 4 THEN 'PRODUCER'
      WHEN 5 THEN 'CONSUMER' ELSE 'UNSPECIFIED' END AS kind,
    s.service_name AS service_name,
    ${isoTime('s.start_us')} AS start_time,
    ${isoTime('s.end_us')} AS end_time,
    (s.end_us - s.start_us) / 1000.0 AS duration_ms,
    CASE s.status_code WHEN 1 THEN 'OK' WHEN 2 THEN 'ERROR' ELSE 'UNSET' END AS status_code,
    s.status_message AS status_message, s.session_id AS session_id, s.attributes AS attributes,
    r.attributes AS resource, s.events AS events, s.links AS links
  FROM main.spans s LEFT JOIN main.resources r ON r.org_id = s.org_id AND r.id = s.resource_id
  WHERE s.org_id = ${org}
),
logs AS NOT MATERIALIZED (
  SELECT ${isoTime('l.time_us')} AS timestamp, ${isoTime('l.observed_us')} AS observed_timestamp,
    l.trace_id AS trace_id, l.span_id AS span_id,
    COALESCE(NULLIF(l.severity_text, ''), CASE
      WHEN l.severity_number BETWEEN 1 AND 4 THEN 'TRACE' WHEN l.severity_number BETWEEN 5 AND 8 THEN 'DEBUG'
      WHEN l.severity_number BETWEEN 9 AND 12 THEN 'INFO' WHEN l.severity_number BETWEEN 13 AND 16 THEN 'WARN'
      WHEN l.severity_number BETWEEN 17 AND 20 THEN 'ERROR' WHEN l.severity_number BETWEEN 21 AND 24 THEN 'FATAL'
      ELSE 'UNSPECIFIED' END) AS severity,
    l.severity_number AS severity_number, l.body AS body, l.service_name AS service_name,
    l.session_id AS session_id, l.attributes AS attributes, r.attributes AS resource
  FROM main.logs l LEFT JOIN main.resources r ON r.org_id = l.org_id AND r.id = l.resource_id
  WHERE l.org_id = ${org}
),
sessions AS NOT MATERIALIZED (
  SELECT session_id, user_id, ${isoTime('started_us')} AS started_at, ${isoTime('ended_us')} AS ended_at,
    (ended_us - started_us) / 1000.0 AS duration_ms, span_count, log_count, error_count,
    has_replay, first_url, page_count, active_ms, browser, os, device_type, click_count, js_error_count,
    console_error_count, failed_request_count, rage_click_count, dead_click_count, double_submit_count,
    error_click_count, slow_frame_count
  FROM main.sessions
  WHERE org_id = ${org}
)`;
}
