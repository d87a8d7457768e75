import { createHash } from 'node:crypto';
import type { ResourceRecord } from '../../storage/store.js';
import { readKeyValues, readString } from './otlp-values.js';

export interface ReadResource {
  id: string;
  attributes: Record<string, unknown>;
  serviceName: string | null;
}

/**
 * Collects the distinct resources of one request. A resource is stored once, keyed by a
 * hash of its attributes, and spans point at it: the same service sends the same
 * resource on every export, so storing it per span would multiply the database size.
 */
export class ResourceTable {
  private readonly byId = new Map<string, ResourceRecord>();

  read(resource: unknown): ReadResource {
    const attributes = readKeyValues((resource as { attributes?: unknown } | null | undefined)?.attributes);
    const attributesJson = JSON.stringify(attributes);
    const id = createHash('sha256').update(attributesJson).digest('hex').slice(0, 32);
    if (!this.byId.has(id)) this.byId.set(id, { id, attributesJson });
    return { id, attributes, serviceName: readString(attributes['service.name']) };
  }

  records(): ResourceRecord[] {
    return [...this.byId.values()];
  }
}
