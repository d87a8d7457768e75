// tsc compiles only TypeScript; the OTLP schema ships beside the compiled code that loads it.
import { cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.proto')) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, from.replace(join(root, 'src'), join(root, 'dist')));
}
