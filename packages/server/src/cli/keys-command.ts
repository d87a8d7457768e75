import { generateApiKey, saveApiKey } from '../orgs/api-keys.js';
import type { ApiKeyKind } from '../storage/store.js';
import { withCliStore } from './open-cli-store.js';

/** `sightline keys create <org> [--kind admin|ingest]`: a new key for an org, e.g. when one was lost. */
export async function runKeysCommand(
  args: string[],
  flags: { db?: string | undefined; kind?: string | undefined },
): Promise<number> {
  const [action, orgName] = args;
  const kind = (flags.kind ?? 'admin') as ApiKeyKind;
  if (action !== 'create' || !orgName || (kind !== 'admin' && kind !== 'ingest')) {
    process.stderr.write('usage: sightline keys create <org> [--kind admin|ingest]\n');
    return 1;
  }
  return withCliStore(flags.db, async (store) => {
    const org = await store.findOrgByName(orgName);
    if (!org) {
      process.stderr.write(`sightline: no org named '${orgName}' (see \`sightline orgs list\`)\n`);
      return 1;
    }
    const key = generateApiKey(kind);
    await saveApiKey(store, org.id, kind, key);
    process.stdout.write(`New ${kind === 'admin' ? 'admin token' : 'ingest key'} for '${org.name}': ${key}\n`);
    return 0;
  });
}
