import type pg from "pg";

/**
 * First key of the per-document transaction advisory locks (the second is `hashtext(doc)`), so
 * that they never collide with other users of advisory locks in the same database.
 */
export const DOCUMENT_LOCK_SPACE = 0x7261_7070; // "rapp"

/**
 * Takes the transaction advisory lock of each document in `docs` (held until COMMIT or
 * ROLLBACK). Every writer of a document's rows takes it first, so two server processes never
 * assign the same sequence number nor interleave a compaction with an append. Documents are
 * locked in sorted order, so two transactions locking several documents cannot deadlock (but for
 * hash collisions, which PostgreSQL detects; the caller retries).
 */
export async function lockPostgresDocuments(
  client: pg.ClientBase,
  docs: readonly string[],
): Promise<void> {
  const sorted = [...new Set(docs)].sort();
  // unnest returns the array's elements in order, so the locks are taken in that order.
  await client.query(
    "SELECT pg_advisory_xact_lock($1::int, hashtext(d)) FROM unnest($2::text[]) AS d",
    [DOCUMENT_LOCK_SPACE, sorted],
  );
}
