import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { FIRST_REPORT_ID, type User } from "@rapporteur/accounts";
import type { Role } from "@rapporteur/accounts/roles";
import { type Outline, type ReportTemplateId, reportTemplate } from "@rapporteur/outline";
import { SqliteStore } from "@rapporteur/storage";
import {
  type InstanceServices,
  openReportWorkspace,
  type ReportWorkspace,
} from "./ReportWorkspace";

/**
 * The reports of an instance, each opened on first use and closed at shutdown. Report 1 is the
 * instance's own database (opened by the caller); report N >= 2 lives in `<reportsDir>/<N>/`.
 */
export class ReportWorkspaces {
  readonly #opening = new Map<number, Promise<ReportWorkspace>>();
  readonly #stores = new Map<number, SqliteStore>();
  #closed = false;

  constructor(
    private readonly shared: InstanceServices,
    readonly first: ReportWorkspace,
    private readonly reportsDir: string,
  ) {
    this.#opening.set(FIRST_REPORT_ID, Promise.resolve(first));
  }

  /** The instance's reports and memberships. */
  get directory() {
    return this.shared.directory;
  }

  /**
   * An instance administrator creates reports and manages accounts and members: an account whose
   * role in the first report is editor (the editors of a single-report install).
   */
  isInstanceAdmin(user: User): boolean {
    return this.shared.directory.roleOf(FIRST_REPORT_ID, user.id) === "editor";
  }

  /** The role of `user` in report `id`; undefined when it does not exist or they are no member. */
  roleIn(id: number, user: User): Role | undefined {
    return this.shared.directory.roleOf(id, user.id);
  }

  /** Report `id`'s workspace, opening it the first time; undefined for an unknown report. */
  open(id: number): Promise<ReportWorkspace> | undefined {
    const opened = this.#opening.get(id);
    if (opened) return opened;
    if (this.#closed || !this.shared.directory.get(id)) return undefined;
    const opening = this.#openStored(id, () => {
      throw new Error(`report ${id} has no outline in its database`);
    });
    this.#opening.set(id, opening);
    opening.catch(() => this.#opening.delete(id));
    return opening;
  }

  /** The workspaces opened so far. */
  async opened(): Promise<ReportWorkspace[]> {
    const settled = await Promise.allSettled(this.#opening.values());
    return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  }

  /**
   * Creates report `title` from `template` with `creator` as its editor: its database, seeded
   * with the template's outline, then opens it. Returns its id.
   */
  async create(title: string, template: ReportTemplateId, creator: User): Promise<number> {
    const outline = reportTemplate(template).outline();
    const id = this.shared.directory.create({ title, template, createdBy: creator.id });
    const seeded = { ...outline, report: { ...outline.report, title } };
    const opening = this.#openStored(id, () => seeded);
    this.#opening.set(id, opening);
    try {
      await opening;
    } catch (error) {
      this.#opening.delete(id);
      this.shared.directory.remove(id);
      rmSync(join(this.reportsDir, String(id)), { recursive: true, force: true });
      throw error;
    }
    return id;
  }

  /** A membership of `userId` in report `id` changed: its open connections follow at once. */
  async membershipChanged(id: number, userId: number): Promise<void> {
    const opened = this.#opening.get(id);
    if (opened) (await opened).membershipChanged(userId);
  }

  /** Closes every opened workspace and the databases of reports 2 and above. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const workspace of await this.opened()) await workspace.close();
    for (const store of this.#stores.values()) await store.close();
    this.#stores.clear();
  }

  async #openStored(id: number, seed: () => Outline): Promise<ReportWorkspace> {
    const dir = join(this.reportsDir, String(id));
    mkdirSync(dir, { recursive: true });
    const store = SqliteStore.open(dir);
    this.#stores.set(id, store);
    try {
      return await openReportWorkspace(this.shared, {
        id,
        store,
        database: store.database,
        seed,
        instance: this.first.deps,
      });
    } catch (error) {
      this.#stores.delete(id);
      await store.close();
      throw error;
    }
  }
}
