import { createOrgWithKeys } from '../orgs/create-org.js';
import { withCliStore } from './open-cli-store.js';

/** `sightline orgs create <name>` and `sightline orgs list`. */
export async function runOrgsCommand(args: string[], flags: { db?: string | undefined }): Promise<number> {
  const [action, name] = args;
  if (action === 'create' && name) {
    return withCliStore(flags.db, async (store) => {
      if (await store.findOrgByName(name)) {
        process.stderr.write(`sightline: an org named '${name}' already exists\n`);
        return 1;
      }
      const { org, ingestKey, adminToken } = await createOrgWithKeys(store, name);
      process.stdout.write(
        `Created org '${org.name}' (id ${org.id}). Keys (shown once):\n  ingest key:   ${ingestKey}\n  admin token:  ${adminToken}\n`,
      );
      return 0;
    });
  }
  if (action === 'list') {
    return withCliStore(flags.db, async (store) => {
      for (const org of await store.listOrgs()) {
        process.stdout.write(`${org.id}\t${org.name}\t${new Date(org.createdAtMs).toISOString()}\n`);
      }
      return 0;
    });
  }
  process.stderr.write('usage: sightline orgs create <name> | sightline orgs list\n');
  return 1;
}
