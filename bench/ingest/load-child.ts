import autocannon from 'autocannon';
import { type BodyPool, createBodyPool } from './body-pool.js';
import type { LoadCounts, LoadEvent, LoadJob } from './messages.js';

/**
 * The load generator, in its own process: autocannon keeps `connections` requests in
 * flight, each with the next body of the pool. One warm-up run, then the measured run;
 * the pool carries on between them, so no body is ever sent twice.
 */
process.once('message', (job: LoadJob) => {
  runJob(job).then(
    (report) => finish({ type: 'report', ...report }),
    (error: unknown) => finish({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});

function finish(event: LoadEvent): void {
  process.send?.(event, () => process.disconnect());
}

async function runJob(job: LoadJob) {
  const pool = createBodyPool(job.encoding, {
    size: job.poolSize,
    spansPerRequest: job.spansPerRequest,
    nowMs: Date.now(),
  });
  const warmup = job.warmupSeconds > 0 ? countsOf(await runAutocannon(job, pool, job.warmupSeconds)) : null;

  process.send?.({ type: 'measuring' } satisfies LoadEvent);
  const cpuBefore = process.cpuUsage();
  const result = await runAutocannon(job, pool, job.durationSeconds);
  const cpu = process.cpuUsage(cpuBefore);

  return {
    ...countsOf(result),
    warmup,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    meanBodyBytes: Math.round(pool.meanBytes),
    loaderCpu: (cpu.user + cpu.system) / 1e6 / result.duration,
  };
}

function runAutocannon(job: LoadJob, pool: BodyPool, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: job.path,
            headers: { ...job.headers, 'content-type': pool.contentType },
            setupRequest: (request) => ({ ...request, body: pool.next() }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function countsOf(result: autocannon.Result): LoadCounts {
  return {
    durationSeconds: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    errors: result.errors,
    timeouts: result.timeouts,
    sent: result.requests.sent,
  };
}
