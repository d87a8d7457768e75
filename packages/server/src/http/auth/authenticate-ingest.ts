import type { FastifyRequest } from 'fastify';
import { SightlineError } from '../../errors.js';
import type { KeyResolver } from '../../orgs/key-resolver.js';

export interface IngestAuthOptions {
  resolveKey: KeyResolver;
  /** While the server listens on loopback only, keyless ingest goes to this org. */
  keylessOrgId: number | undefined;
}

/**
 * Finds the org an ingest request writes to. The key comes in `x-sightline-key` (OTel
 * exporters can set headers) or `?key=` (sendBeacon cannot). An admin token is accepted
 * too: it is the org's secret, so it may do what the public key may.
 */
export async function authenticateIngest(request: FastifyRequest, options: IngestAuthOptions): Promise<number> {
  const key = readIngestKey(request);
  if (key === undefined) {
    if (options.keylessOrgId !== undefined) return options.keylessOrgId;
    throw new SightlineError(
      'unauthenticated',
      'missing ingest key: send it in the x-sightline-key header (or ?key= for browser beacons)',
    );
  }
  const resolved = await options.resolveKey(key);
  if (!resolved) throw new SightlineError('unauthenticated', 'unknown ingest key: check x-sightline-key');
  return resolved.orgId;
}

function readIngestKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-sightline-key'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader) return fromHeader.trim();
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
}
