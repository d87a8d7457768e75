import type { ClientBase } from 'pg';
import { runInTransaction } from './transaction.js';

/**
 * Daily partitions of `spans` (by start_us) and `logs` (by time_us), named
 * `<table>_pYYYYMMDD` (UTC) so retention can find a day and drop it whole.
 *
 * - Kept window: the days from `keptDaysBack` ago to `daysAhead` ahead always exist.
 *   They are made at start and again as the clock moves, so a day's partition is
 *   normally made days before its first row arrives.
 * - On demand: a batch with rows for an older day (up to `onDemandDaysBack`) gets that
 *   day's partition made before the insert.
 * - Anything else (a clock years off) lands in the DEFAULT partition, so a stray
 *   timestamp never makes a partition of its own.
 */
export type PartitionedTable = 'spans' | 'logs';

export const PARTITIONED_TABLES: readonly PartitionedTable[] = ['spans', 'logs'];

const DAY_US = 86_400_000_000;
const DAY_MS = 86_400_000;
/** Any fixed number, the same in every Sightline process: the key of the partition lock. */
const PARTITION_LOCK_KEY = 0x5349_4748_5402;
/** How long to wait for the table lock a new partition needs; ingest queues behind the wait. */
const PARTITION_LOCK_TIMEOUT = '5s';

export interface PartitionWindow {
  keptDaysBack: number;
  daysAhead: number;
  onDemandDaysBack: number;
}

export const DEFAULT_PARTITION_WINDOW: PartitionWindow = { keptDaysBack: 7, daysAhead: 2, onDemandDaysBack: 30 };

export interface PartitionKeeper {
  /** Reads the partitions that already exist, so this instance does not try to make them again. */
  loadExisting(client: ClientBase): Promise<void>;
  /** Makes the partitions of the kept window and those the given times need; call before inserting them. */
  ensurePartitions(client: ClientBase, table: PartitionedTable, timesUs: Iterable<number>): Promise<void>;
}

export function toDayNumber(timeUs: number): number {
  return Math.floor(timeUs / DAY_US);
}

export function getPartitionName(table: PartitionedTable, day: number): string {
  return `${table}_p${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** One keeper per store: what it knows is per instance, never shared through module state. */
export function createPartitionKeeper(now: () => number, window: PartitionWindow): PartitionKeeper {
  // settled: the partition exists, or its day is served by the DEFAULT partition;
  // pending: being made by another batch of this instance, which the caller awaits
  const known = new Map<string, Promise<void>>();

  function ensureDay(client: ClientBase, table: PartitionedTable, day: number): Promise<void> {
    const name = getPartitionName(table, day);
    const existing = known.get(name);
    if (existing) return existing;
    const creation = createPartition(client, table, day).then(
      (outcome) => {
        // after a lock timeout, try again with a later batch
        if (outcome === 'lock-timeout') known.delete(name);
      },
      (error: unknown) => {
        known.delete(name);
        throw error;
      },
    );
    known.set(name, creation);
    return creation;
  }

  return {
    async loadExisting(client) {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent IN ('spans'::regclass, 'logs'::regclass)`,
      );
      for (const row of rows) known.set(row.name, Promise.resolve());
    },

    async ensurePartitions(client, table, timesUs) {
      const today = toDayNumber(now() * 1000);
      const days = new Set<number>();
      for (let day = today - window.keptDaysBack; day <= today + window.daysAhead; day++) days.add(day);
      for (const timeUs of timesUs) {
        const day = toDayNumber(timeUs);
        if (day >= today - window.onDemandDaysBack && day <= today + window.daysAhead) days.add(day);
      }
      // one at a time: they share the caller's connection
      for (const day of days) await ensureDay(client, table, day);
    },
  };
}

type CreationOutcome = 'created' | 'exists' | 'default-holds-rows' | 'lock-timeout';

async function createPartition(client: ClientBase, table: PartitionedTable, day: number): Promise<CreationOutcome> {
  const name = getPartitionName(table, day);
  try {
    await runInTransaction(client, async () => {
      // serializes replicas: the second one sees the first's table and IF NOT EXISTS skips it
      await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK_KEY]);
      await client.query(`SET LOCAL lock_timeout = '${PARTITION_LOCK_TIMEOUT}'`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table}
         FOR VALUES FROM (${day * DAY_US}) TO (${(day + 1) * DAY_US})`,
      );
    });
    return 'created';
  } catch (error) {
    switch (readPgErrorCode(error)) {
      // duplicate_table, unique_violation: made meanwhile by something not taking our lock
      case '42P07':
      case '23505':
        return 'exists';
      // check_violation: the DEFAULT partition already holds rows of that day; they stay
      // there, and so do the day's next rows, rather than fail the ingest
      case '23514':
        return 'default-holds-rows';
      // lock_not_available: long queries hold the table; this batch's rows go to DEFAULT
      case '55P03':
        return 'lock-timeout';
      default:
        throw error;
    }
  }
}

function readPgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
