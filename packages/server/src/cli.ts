import { parseArgs } from 'node:util';
import { runKeysCommand } from './cli/keys-command.js';
import { runOrgsCommand } from './cli/orgs-command.js';
import { runStartCommand } from './cli/start-command.js';
import { isSightlineError } from './errors.js';

const USAGE = `Usage: sightline <command> [options]

Commands:
  start                      run the server (ingest, query API, UI)
  orgs create <name>         create an org and print its ingest key and admin token
  orgs list                  list orgs
  keys create <org> [--kind admin|ingest]
                             print a new key for an existing org

Options (every command):
  --db <file|postgres://…>   storage (env SIGHTLINE_DB; default ./.sightline/sightline.db)
Options (start):
  --port <n>                 env SIGHTLINE_PORT, default 4318
  --host <addr>              env SIGHTLINE_HOST, default 127.0.0.1
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      kind: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 1;
  }
  switch (command) {
    case 'start':
      return runStartCommand(values);
    case 'orgs':
      return runOrgsCommand(rest, values);
    case 'keys':
      return runKeysCommand(rest, values);
    default:
      process.stderr.write(`sightline: unknown command '${command}'\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `sightline: ${isSightlineError(error) || error instanceof TypeError ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
