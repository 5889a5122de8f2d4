/**
 * Deletes the IndexedDB copies whose names start with `prefix` (an account's copies, on signing
 * out). Browsers without `indexedDB.databases()` keep them; they are per account anyway.
 */
export async function forgetLocalCopies(prefix: string): Promise<void> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => typeof name === "string" && name.startsWith(prefix))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            request.onblocked = () => resolve();
          }),
      ),
  );
}
