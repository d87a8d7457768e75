import { startServer } from '../server.js';
import { describeDb } from '../storage/create-store.js';

export interface StartFlags {
  db?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
}

/** `sightline start`: runs until SIGTERM/SIGINT, then drains requests and closes the database. */
export async function runStartCommand(flags: StartFlags): Promise<number> {
  const server = await startServer({
    db: flags.db,
    host: flags.host,
    port: flags.port === undefined ? undefined : parsePort(flags.port),
  });
  const { generated } = server.defaultOrg;
  const lines = [
    `Sightline is listening on ${server.url}`,
    `  storage:  ${server.store.engine} ${describeDb(server.config.db)}`,
    `  OTLP:     ${server.url}/v1/traces  ${server.url}/v1/logs`,
    `  replay:   ${server.url}/v1/replay  script: ${server.url}/sightline.js`,
  ];
  if (server.config.loopbackOnly) lines.push('  keyless ingest from this machine goes to the default org');
  if (generated.ingestKey || generated.adminToken) {
    lines.push('', 'Keys of the default org (shown once — only their hashes are stored):');
    if (generated.ingestKey) lines.push(`  ingest key:   ${generated.ingestKey}`);
    if (generated.adminToken) lines.push(`  admin token:  ${generated.adminToken}`);
    lines.push('  lost them? `sightline keys create default --kind admin` prints a new one');
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      server.app.log.info({ signal }, 'shutting down: draining requests');
      server.close().then(resolve, (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`--port: expected an integer from 0 to 65535 (actual: '${raw}')`);
  }
  return port;
}
