// `npm start`: Sightline on SQLite, the demo shop beside it, a handful of recorded
// sessions — the article's three scenarios among them — and the URLs to open them.
//
//   npm start                  Sightline + demo shop + sessions (live in headless Chromium, else the recorded ones)
//   npm start -- --no-demo     Sightline alone (`sightline start`; its flags pass through)
//   npm start -- --recorded    the committed demo sessions, even where Chromium is installed
//   npm start -- --port 4318 --shop-port 3000 --db ./.sightline/sightline.db
//
// Runs after `npm run build`: it imports the built server and demo packages.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const stateDir = join(process.cwd(), '.sightline');
const credentialsFile = join(stateDir, 'demo-credentials.json');
const write = (text = '') => process.stdout.write(`${text}\n`);

const argv = process.argv.slice(2).filter((arg) => arg !== '--');
try {
  if (argv.includes('--no-demo')) await runServerAlone(argv.filter((arg) => arg !== '--no-demo'));
  else await runDemo(argv);
} catch (error) {
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exit(1);
}

/** `sightline start` as is: the server's own output, flags and shutdown. */
async function runServerAlone(args) {
  const child = spawn(process.execPath, [join(root, 'packages/server/dist/cli.js'), 'start', ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const [code] = await new Promise((resolve) => child.once('exit', (...result) => resolve(result)));
  process.exitCode = code ?? 0;
}

async function runDemo(args) {
  const { values, invalid } = parseDemoArgs(args);
  if (values.help) {
    if (invalid) process.exitCode = 1;
    write('Usage: npm start [-- --no-demo] [-- --recorded] [--db <file|postgres://…>] [--port <n>] [--shop-port <n>]');
    return;
  }
  const { startServer } = await import('@sightline/server');
  const demo = await import('@sightline/demo-shop');

  const keys = loadDemoKeys();
  const server = await startServer({
    db: values.db,
    port: values.port === undefined ? undefined : Number(values.port),
    // the demo's console shows URLs, not request logs (SIGHTLINE_LOG_LEVEL=info brings them back)
    logLevel: process.env.SIGHTLINE_LOG_LEVEL ?? 'warn',
    ingestKey: keys.ingestKey,
    adminToken: keys.adminToken,
  }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new Error(`${error.message}: is Sightline already running? Stop it, or pick another port: --port 4320`);
  });
  const shopLog = join(stateDir, 'demo-shop.log');
  let shop;
  try {
    shop = await demo.startShopProcess({
      sightlineUrl: server.url,
      ingestKey: keys.ingestKey,
      port: Number(values['shop-port']),
      logFile: shopLog,
    });
  } catch (error) {
    await server.close();
    throw error;
  }

  let stopping;
  const stop = () => {
    if (stopping) {
      write('Stopping at once.');
      process.exit(1);
    }
    write('\nStopping the demo shop and Sightline…');
    stopping = shop
      .stop()
      .finally(() => server.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const storage = server.store.engine === 'sqlite' ? `SQLite ${server.config.db}` : server.store.engine;
  write(`Sightline is listening on ${server.url} (${storage})`);
  write(`The demo shop is listening on ${shop.url} (log: ${shopLog})`);
  let recorded;
  try {
    recorded = await recordSessions(server.url, shop.url, keys, demo, values.recorded);
  } catch (error) {
    if (stopping) return;
    write(`No demo sessions: ${error.message}`);
  }

  const ui = server.url;
  const sessionUrl = (session) =>
    `${ui}/sessions/${session.sessionId}${session.momentOffsetMs === undefined ? '' : `?t=${session.momentOffsetMs}`}`;
  write();
  write(`  Shop           ${shop.url}`);
  write(`  Sightline UI   ${ui}`);
  write();
  if (recorded !== undefined) {
    const { result, live } = recorded;
    write(`The article's three scenarios${live ? '' : ' (recorded sessions, loaded just now)'}:`);
    for (const [index, name] of demo.SCENARIO_NAMES.entries()) {
      const session = result.scenarios[name];
      write(`  ${index + 1}. ${session.title.padEnd(20)} ${sessionUrl(session)}`);
    }
    const browsing = result.sessions.filter((session) => session.kind === 'browsing').length;
    write(`  + ${browsing} sessions of normal browsing: ${ui}/sessions`);
    write();
  }
  write('Every visit to the shop is recorded: browse it and watch yourself in Sightline.');
  write(`Query API token: "adminToken" in ${credentialsFile}. Ctrl-C stops both.`);
}

function parseDemoArgs(args) {
  try {
    return parseArgs({
      args,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        'shop-port': { type: 'string', default: '3000' },
        recorded: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`npm start: ${error.message}\n`);
    return { values: { help: true }, invalid: true };
  }
}

/** Live sessions from headless Chromium when there is one, else the committed recordings. */
async function recordSessions(sightlineUrl, shopUrl, keys, demo, recordedOnly) {
  const chromiumPath = recordedOnly ? undefined : demo.findChromium();
  if (recordedOnly) {
    write('Loading the recorded demo sessions (--recorded).');
  } else if (chromiumPath !== undefined) {
    write(`Recording demo sessions in headless Chromium (${chromiumPath}); about half a minute…`);
    try {
      const result = await demo.generateTraffic({
        shopUrl,
        sightline: { url: sightlineUrl, adminToken: keys.adminToken },
        chromiumPath,
        onProgress: (line) => write(`  ${line}`),
      });
      return { result, live: true };
    } catch (error) {
      write(`Recording failed (${error.message}); loading the recorded sessions instead.`);
    }
  } else {
    write('No Chromium here (/usr/bin/chromium, or CHROMIUM_PATH): loading the recorded demo sessions.');
    write('For live ones, install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then');
    write('npm start again — or just browse the shop yourself.');
  }
  return { result: await demo.importFixtures({ url: sightlineUrl, ingestKey: keys.ingestKey }), live: false };
}

/**
 * The default org's keys for the demo. A database created earlier only holds key hashes,
 * so the demo brings its own: generated once, kept in .sightline/demo-credentials.json
 * and seeded at every start (the server adds seeded keys it does not know yet).
 * SIGHTLINE_INGEST_KEY / SIGHTLINE_ADMIN_TOKEN win when set.
 */
function loadDemoKeys() {
  const saved = existsSync(credentialsFile) ? JSON.parse(readFileSync(credentialsFile, 'utf8')) : {};
  const keys = {
    ingestKey: saved.ingestKey ?? `sl_ingest_${randomBytes(24).toString('base64url')}`,
    adminToken: saved.adminToken ?? `sl_admin_${randomBytes(24).toString('base64url')}`,
  };
  if (saved.ingestKey !== keys.ingestKey || saved.adminToken !== keys.adminToken) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(credentialsFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    ingestKey: process.env.SIGHTLINE_INGEST_KEY || keys.ingestKey,
    adminToken: process.env.SIGHTLINE_ADMIN_TOKEN || keys.adminToken,
  };
}
