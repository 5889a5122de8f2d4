import type Database from "better-sqlite3";

/**
 * Makes every transaction created on `db` begin IMMEDIATE (take the write lock at once) instead
 * of DEFERRED. Needed once another connection writes to the same file (the append worker): a
 * deferred transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT if the other
 * connection committed in between, whereas an immediate one waits for the lock (busy_timeout) and
 * then cannot be overtaken. Nested transactions still use savepoints.
 */
export function beginImmediately(db: Database.Database): void {
  const create = db.transaction.bind(db);
  const immediateFirst: typeof db.transaction = (fn) => {
    const transaction = create(fn);
    const immediate = transaction.immediate;
    const run = function (this: unknown, ...args: unknown[]) {
      return (immediate as (...params: unknown[]) => unknown).apply(this, args);
    };
    return Object.assign(run, {
      default: immediate,
      deferred: transaction.deferred,
      immediate,
      exclusive: transaction.exclusive,
      database: db,
    }) as unknown as typeof transaction;
  };
  db.transaction = immediateFirst;
}
