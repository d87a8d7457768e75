import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of the recorder's one-script-tag build that the server hands out. */
export type RecorderBundleFileName = 'sightline.js' | 'sightline.js.map';

const CONTENT_TYPES: Record<RecorderBundleFileName, string> = {
  'sightline.js': 'application/javascript; charset=utf-8',
  'sightline.js.map': 'application/json; charset=utf-8',
};

export interface RecorderBundleFile {
  body: Buffer;
  contentType: string;
  /** A strong ETag of the content, quoted. */
  etag: string;
}

export interface RecorderBundle {
  /** Where the files are looked for; undefined when the recorder package was not found. */
  readonly distDir: string | undefined;
  /** The file, or undefined when it is not built. */
  read(name: RecorderBundleFileName): Promise<RecorderBundleFile | undefined>;
}

/**
 * Reads the recorder's build once per process and again only when the file changes
 * (size or mtime), so a rebuild is picked up without a restart and a request costs a
 * `stat`, not a read. The cache belongs to this instance.
 */
export function createRecorderBundle(distDir: string | undefined): RecorderBundle {
  const cache = new Map<RecorderBundleFileName, RecorderBundleFile & { mtimeMs: number; size: number }>();

  return {
    distDir,
    async read(name) {
      if (distDir === undefined) return undefined;
      const path = join(distDir, name);
      const stats = await stat(path).catch(() => undefined);
      if (!stats?.isFile()) return undefined;
      const cached = cache.get(name);
      if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
      const body = await readFile(path);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const file = { body, contentType: CONTENT_TYPES[name], etag, mtimeMs: stats.mtimeMs, size: stats.size };
      cache.set(name, file);
      return file;
    },
  };
}
