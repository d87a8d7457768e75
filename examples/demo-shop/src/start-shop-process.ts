import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ShopProcessOptions {
  /** Sightline's base URL: where the shop's pages load the recorder and where the shop exports. */
  sightlineUrl: string;
  ingestKey: string;
  /** Tried first; when taken, the shop picks a free port. 0: a free port. @default 3000 */
  port?: number;
  /** The shop's stdout and stderr (its pino log) go here. @default discarded */
  logFile?: string;
  /** @default 300 */
  paymentLatencyMs?: number;
}

export interface ShopProcess {
  url: string;
  /** SIGTERM, then waits for the shop to flush its spans and logs and exit. */
  stop(): Promise<void>;
}

/**
 * Starts the demo shop as a child process instrumented with `@sightline/node/register`
 * (OpenTelemetry is process-wide, so the shop gets a process of its own). Runs
 * `src/main.ts` through tsx when this file is TypeScript (tests), `dist/src/main.js` otherwise.
 */
export async function startShopProcess(options: ShopProcessOptions): Promise<ShopProcess> {
  const fromSource = import.meta.url.endsWith('.ts');
  const main = fileURLToPath(new URL(fromSource ? './main.ts' : './main.js', import.meta.url));
  const preloads = [
    ...(fromSource ? ['--import', import.meta.resolve('tsx')] : []),
    '--import',
    import.meta.resolve('@sightline/node/register'),
  ];
  const child = spawn(process.execPath, [...preloads, main], {
    env: {
      ...process.env,
      SIGHTLINE_ENDPOINT: options.sightlineUrl,
      SIGHTLINE_INGEST_KEY: options.ingestKey,
      OTEL_SERVICE_NAME: 'demo-shop',
      // export within half a second, so a session's traces are there when its replay is
      OTEL_BSP_SCHEDULE_DELAY: '500',
      OTEL_BLRP_SCHEDULE_DELAY: '500',
      SHOP_PORT: String(options.port ?? 3000),
      PAYMENT_LATENCY_MS: String(options.paymentLatencyMs ?? 300),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (options.logFile === undefined) {
    child.stdout?.resume();
    child.stderr?.resume();
  } else {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const url = await waitForListening(child);
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForListening(child: ChildProcess): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'listening') {
        child.off('exit', onExit);
        resolve((message as { url: string }).url);
      }
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the demo shop exited (${code}) before listening:\n${stderr}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
