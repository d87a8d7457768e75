import type { FastifyRequest } from 'fastify';
import { SightlineError } from '../../errors.js';
import type { KeyResolver } from '../../orgs/key-resolver.js';

/**
 * Finds the org a query-API request reads: `Authorization: Bearer <admin token>`.
 * Ingest keys are public, so they never read anything.
 */
export async function authenticateAdmin(request: FastifyRequest, resolveKey: KeyResolver): Promise<number> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (!token) {
    throw new SightlineError('unauthenticated', 'missing token: send Authorization: Bearer <admin token>');
  }
  const resolved = await resolveKey(token);
  if (!resolved) throw new SightlineError('unauthenticated', 'unknown token');
  if (resolved.kind !== 'admin') {
    throw new SightlineError('forbidden', 'an ingest key can only send data; read with the admin token');
  }
  return resolved.orgId;
}
