import pg from 'pg';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * A database session as the op write path needs it: raw statements, built with Prisma's `sql` tag (parameters
 * stay parameters), inside a transaction someone else opened. Two implementations:
 * - `pgSession`: a node-postgres client, for the group commit — the one hot path, where Prisma's interactive
 *   transaction cost ~1 ms a statement against ~0.15 ms over plain pg (tests/bench/RESULTS.md, P2/P3);
 * - `prismaSession`: a Prisma transaction, for writes that must commit together with other Prisma writes
 *   (a source correction re-anchoring its quotations).
 * Rows come back alike: uuid and text as strings, int4 and float8 as numbers, json parsed, timestamptz as Date.
 * Statements must not return int8 (pg gives a string, Prisma a BigInt).
 */
export interface SqlSession {
  query<T>(statement: Prisma.Sql): Promise<T[]>;
  /** Runs a statement and answers how many rows it changed. */
  execute(statement: Prisma.Sql): Promise<number>;
}

/**
 * A node-postgres pool for the op write path, beside Prisma's own. A connection that drops while idle (PostgreSQL
 * restarted) is reported on the pool; without a listener that would end the process, so it is logged and the
 * pool opens a new one on the next checkout.
 */
export function createSqlPool(url: string, max: number, onIdleError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', onIdleError);
  return pool;
}

export function pgSession(client: pg.ClientBase): SqlSession {
  return {
    async query<T>(statement: Prisma.Sql) {
      return (await client.query(statement.text, statement.values)).rows as T[];
    },
    async execute(statement: Prisma.Sql) {
      return (await client.query(statement.text, statement.values)).rowCount ?? 0;
    },
  };
}

export function prismaSession(tx: Prisma.TransactionClient): SqlSession {
  return {
    query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement),
    execute: (statement: Prisma.Sql) => tx.$executeRaw(statement),
  };
}

/**
 * Runs `work` in a transaction on a client of the pool: BEGIN, work, COMMIT — or ROLLBACK and the error. A client
 * whose connection failed (BEGIN or ROLLBACK did not go through) is discarded rather than handed to the next caller.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  try {
    const result = await work(pgSession(client));
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').then(
      () => client.release(),
      (failed: Error) => client.release(failed),
    );
    throw error;
  }
}

/** The name of the unique index or constraint a statement clashed with (SQLSTATE 23505), or null. */
export function uniqueViolation(error: unknown): string | null {
  if (error instanceof pg.DatabaseError) return error.code === '23505' ? (error.constraint ?? '') : null;
  // A raw statement through Prisma fails with P2010 and PostgreSQL's message, which names the constraint.
  const prismaError = error as { code?: string; message?: string };
  if (prismaError?.code === 'P2010' && prismaError.message?.includes('23505')) return /"([a-z_]+)"/.exec(prismaError.message)?.[1] ?? '';
  return null;
}
