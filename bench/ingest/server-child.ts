import { performance } from 'node:perf_hooks';
import type { ServerCommand, ServerEvent } from './messages.js';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The child side of a server under test: starts it, says where it listens, answers
 * usage snapshots (so the parent can tell how busy the server was while measured) and
 * closes on request. Runs in its own process so the load generator never shares its core.
 */
export function serveOverIpc(start: () => Promise<BenchServer>): void {
  const send = (event: ServerEvent) => process.send?.(event);
  start().then(
    (server) => {
      process.on('message', (command: ServerCommand) => {
        if (command.type === 'usage') {
          const cpu = process.cpuUsage();
          const loop = performance.eventLoopUtilization();
          send({ type: 'usage', cpuMicros: cpu.user + cpu.system, loopActiveMs: loop.active, loopIdleMs: loop.idle });
        } else if (command.type === 'close') {
          server.close().then(
            () => {
              send({ type: 'closed' });
              process.disconnect();
            },
            (error: unknown) => fail(error),
          );
        }
      });
      send({ type: 'ready', url: server.url });
    },
    (error: unknown) => fail(error),
  );

  function fail(error: unknown): void {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect();
  }
}
