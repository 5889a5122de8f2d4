import type { LocalUser } from "../identity/LocalUser";
import { SectionSession, type SessionEvents } from "./SectionSession";

/** How many sections stay connected after being left, so that going back is instant. */
export const DEFAULT_SESSION_CACHE_SIZE = 5;

/** Configuration of {@link SessionCache}. */
export interface SessionCacheOptions extends SessionEvents {
  /** The report's collaboration endpoint: `ws(s)://host/collab/<reportId>`. */
  collabUrl: string;
  /** Prefix of the IndexedDB copies: one per account and report (see `localCopyPrefix`). */
  storagePrefix: string;
  capacity?: number;
}

/**
 * Keeps the most recently opened sections' sessions alive (least recently used are closed), and
 * passes the browser's online/offline state on to all of them.
 */
export class SessionCache {
  private readonly sessions = new Map<string, SectionSession>();
  private active: SectionSession | null = null;
  private online = typeof navigator === "undefined" ? true : navigator.onLine;
  private readonly capacity: number;

  constructor(private readonly options: SessionCacheOptions) {
    this.capacity = options.capacity ?? DEFAULT_SESSION_CACHE_SIZE;
  }

  /**
   * Opens a section for `user`: reuses its session if cached and marks the user present there
   * before the editor mounts. Idempotent, so it can run during render; call {@link settle} after.
   */
  activate(sectionId: string, user: LocalUser): SectionSession {
    let session = this.sessions.get(sectionId);
    if (session?.isRetired) {
      // Archived or merged away, and now back (restored): connect afresh.
      this.sessions.delete(sectionId);
      session.destroy();
      session = undefined;
    }
    if (session) {
      this.sessions.delete(sectionId);
    } else {
      session = new SectionSession(
        sectionId,
        this.options.collabUrl,
        this.online,
        `${this.options.storagePrefix}:${sectionId}`,
        this.options,
      );
    }
    this.sessions.set(sectionId, session);
    this.active = session;
    session.enter(user);
    return session;
  }

  /** Leaves the open section (e.g. when no section is shown); call {@link settle} after. */
  deactivate(): void {
    this.active = null;
  }

  /**
   * Marks the user absent from every section but the active one and closes the least recently
   * used sessions beyond the cache size. Runs after render (it notifies subscribers).
   */
  settle(): void {
    for (const session of this.sessions.values()) {
      if (session !== this.active) session.leave();
    }
    this.evict();
  }

  /**
   * Closes the session of a section that left the outline (archived, merged away) unless it is
   * the open one, so that it is not connected again; its copy in this browser is kept, for a
   * restore.
   */
  retire(sectionId: string): void {
    const session = this.sessions.get(sectionId);
    if (!session || session === this.active) return;
    this.sessions.delete(sectionId);
    session.destroy();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const session of this.sessions.values()) session.setOnline(online);
  }

  /**
   * Closes every session (signing out). With `forget`, the copies kept in this browser are
   * deleted too, so that the next person at this computer cannot read them.
   */
  closeAll(options: { forget?: boolean } = {}): void {
    for (const session of this.sessions.values()) session.destroy(options);
    this.sessions.clear();
    this.active = null;
  }

  private evict(): void {
    for (const [id, session] of this.sessions) {
      if (this.sessions.size <= this.capacity) break;
      if (session === this.active) continue;
      this.sessions.delete(id);
      session.destroy();
    }
  }
}
