import { existsSync } from "node:fs";
import { join } from "node:path";
import { DATABASE_FILE, type StoredVersion, VersionStore } from "@rapporteur/storage";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP, openDatabase, resolveDataDir } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";

const USAGE = `Usage: rapporteur version list [--json]

Lists the named versions of the report, newest first: id, date and time (UTC), who made it, name.
Read-only: safe while the server runs.

Options:
  --json       print the versions as JSON
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur version list`: the named versions, newest first. */
export const versionListCommand: Command = defineCommand({
  name: "version list",
  summary: "list the named versions of the report",
  usage: USAGE,
  options: { json: { type: "boolean" } },
  async run({ values }, io) {
    const dataDir = resolveDataDir(io);
    let versions: StoredVersion[] = [];
    // Never create a database just to list it: no file means no versions yet.
    if (existsSync(join(dataDir, DATABASE_FILE))) {
      const store = openDatabase(dataDir, { mustExist: true });
      try {
        versions = new VersionStore(store.database).list();
      } finally {
        await store.close();
      }
    }
    if (values.json) {
      const json = versions.map((v) => ({ ...v, at: new Date(v.at).toISOString() }));
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    if (versions.length === 0) {
      io.stdout("No named versions yet.\n");
      return 0;
    }
    for (const v of versions) {
      const at = new Date(v.at).toISOString().slice(0, 16).replace("T", " ");
      io.stdout(`${String(v.id).padStart(4)}  ${at}  ${v.by.name.padEnd(20)}  ${v.name}\n`);
    }
    return 0;
  },
});
