import type Database from "better-sqlite3";

/** One schema change of the SQLite database, applied once, in order, inside a transaction. */
export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  /** What the migration adds, for logs and errors. */
  description: string;
  up(db: Database.Database): void;
}

/**
 * Every schema change of `rapporteur.db`, oldest first. Features that need tables (sessions,
 * comments, ...) append a migration here with a number above the last one; never edit a shipped
 * one. Numbers 10, 11, 14, 15 and 16 were handed out to parallel work and never used: a database
 * skips every migration at or below its `user_version`, so a new one must never take them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "document updates (append-only Yjs updates per document)",
    up(db) {
      db.exec(`
        CREATE TABLE document_updates (
          doc  TEXT    NOT NULL,
          seq  INTEGER NOT NULL,
          data BLOB    NOT NULL,
          PRIMARY KEY (doc, seq)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    description: "accounts: users and login sessions (token hashes only)",
    up(db) {
      db.exec(`
        CREATE TABLE users (
          id            INTEGER PRIMARY KEY,
          username      TEXT    NOT NULL UNIQUE,
          display_name  TEXT    NOT NULL,
          role          TEXT    NOT NULL CHECK (role IN ('editor','drafter','reviewer')),
          active        INTEGER NOT NULL DEFAULT 1,
          password_hash TEXT    NOT NULL,
          created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE TABLE sessions (
          token_hash TEXT    PRIMARY KEY,
          user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_user ON sessions(user_id);
      `);
    },
  },
  {
    version: 3,
    description: "audit log (append-only: triggers refuse updates and deletes)",
    up(db) {
      db.exec(`
        CREATE TABLE audit_log (
          id     INTEGER PRIMARY KEY,
          at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          actor  TEXT,
          action TEXT NOT NULL,
          target TEXT,
          detail TEXT NOT NULL DEFAULT '{}',
          ip     TEXT
        );
        CREATE INDEX audit_log_action ON audit_log(action, id);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      `);
    },
  },
  {
    version: 4,
    description: "section workflow: status and lead drafters per section",
    up(db) {
      db.exec(`
        CREATE TABLE section_workflow (
          section_id TEXT PRIMARY KEY,
          status     TEXT NOT NULL CHECK (status IN ('drafting','in_review','approved')),
          leads      TEXT NOT NULL DEFAULT '[]',
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          updated_by TEXT
        );
      `);
    },
  },
  {
    version: 5,
    description:
      "comments: threads anchored to text (Yjs relative positions), replies, suggestions",
    up(db) {
      db.exec(`
        CREATE TABLE comment_threads (
          id               INTEGER PRIMARY KEY,
          section_id       TEXT    NOT NULL,
          author_id        INTEGER NOT NULL,
          author_name      TEXT    NOT NULL,
          text             TEXT    NOT NULL,
          anchor           TEXT    NOT NULL,
          quote            TEXT    NOT NULL,
          state            TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open','resolved')),
          resolved_by_id   INTEGER,
          resolved_by_name TEXT,
          resolved_at      TEXT,
          detached         INTEGER NOT NULL DEFAULT 0,
          replacement      TEXT,
          suggestion_state TEXT CHECK (suggestion_state IN ('pending','accepted','rejected')),
          decided_by_id    INTEGER,
          decided_by_name  TEXT,
          decided_at       TEXT,
          created_at       TEXT    NOT NULL,
          updated_at       TEXT    NOT NULL
        );
        CREATE INDEX comment_threads_section ON comment_threads(section_id, state);
        CREATE TABLE comment_replies (
          id          INTEGER PRIMARY KEY,
          thread_id   INTEGER NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
          author_id   INTEGER NOT NULL,
          author_name TEXT    NOT NULL,
          text        TEXT    NOT NULL,
          created_at  TEXT    NOT NULL,
          updated_at  TEXT    NOT NULL
        );
        CREATE INDEX comment_replies_thread ON comment_replies(thread_id);
      `);
    },
  },
  {
    version: 6,
    description:
      "word budgets: report settings (target range, footnotes, timetable), section allocations, daily word history",
    up(db) {
      // NULL settings mean "the default from content/" (outline.yaml, timetable.yaml).
      db.exec(`
        CREATE TABLE report_settings (
          id              INTEGER PRIMARY KEY CHECK (id = 1),
          target_min      INTEGER CHECK (target_min > 0),
          target_max      INTEGER CHECK (target_max > 0),
          footnotes_count INTEGER CHECK (footnotes_count IN (0, 1)),
          timetable       TEXT,
          updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          updated_by      TEXT,
          CHECK ((target_min IS NULL) = (target_max IS NULL)),
          CHECK (target_min IS NULL OR target_min <= target_max)
        );
        CREATE TABLE section_budgets (
          section_id TEXT    PRIMARY KEY,
          budget     INTEGER NOT NULL CHECK (budget >= 0),
          updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          updated_by TEXT
        );
        CREATE TABLE word_history (
          day            TEXT    PRIMARY KEY,
          words          INTEGER NOT NULL CHECK (words >= 0),
          footnote_words INTEGER NOT NULL CHECK (footnote_words >= 0),
          updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
      `);
    },
  },
  {
    version: 7,
    description:
      "history: author, time and kind of every stored update; restorable checkpoints; named versions",
    up(db) {
      // Rows written before this migration (and compacted states) have NULL metadata.
      db.exec(`
        ALTER TABLE document_updates ADD COLUMN user_ids TEXT;
        ALTER TABLE document_updates ADD COLUMN at INTEGER;
        ALTER TABLE document_updates ADD COLUMN kind TEXT;
        CREATE TABLE history_points (
          id       INTEGER PRIMARY KEY,
          doc      TEXT    NOT NULL,
          seq      INTEGER NOT NULL,
          from_at  INTEGER NOT NULL,
          at       INTEGER NOT NULL,
          user_ids TEXT    NOT NULL DEFAULT '',
          kind     TEXT    NOT NULL CHECK (kind IN ('edit','import','restore','suggestion','version')),
          added    INTEGER NOT NULL DEFAULT 0,
          removed  INTEGER NOT NULL DEFAULT 0,
          pinned   INTEGER NOT NULL DEFAULT 0,
          label    TEXT,
          state    BLOB    NOT NULL
        );
        CREATE INDEX history_points_doc ON history_points(doc, at, id);
        CREATE TABLE versions (
          id        INTEGER PRIMARY KEY,
          name      TEXT    NOT NULL,
          at        INTEGER NOT NULL,
          by_id     INTEGER,
          by_name   TEXT    NOT NULL,
          outline   TEXT    NOT NULL,
          settings  TEXT    NOT NULL
        );
        CREATE TABLE version_sections (
          version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
          section_id TEXT    NOT NULL,
          state      BLOB    NOT NULL,
          PRIMARY KEY (version_id, section_id)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 8,
    description: "document settings: masthead lines, issue date, job number, emblem image",
    up(db) {
      // `settings` holds only the fields an editor changed (JSON); the rest come from templates/.
      db.exec(`
        CREATE TABLE document_settings (
          id           INTEGER PRIMARY KEY CHECK (id = 1),
          settings     TEXT    NOT NULL DEFAULT '{}',
          emblem       BLOB,
          emblem_type  TEXT CHECK (emblem_type IN ('png','jpg')),
          emblem_width  INTEGER,
          emblem_height INTEGER,
          updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          updated_by   TEXT
        );
      `);
    },
  },
  {
    version: 9,
    description:
      "comments: the Word author and date of threads and replies imported from a reviewed Word file",
    up(db) {
      db.exec(`
        ALTER TABLE comment_threads ADD COLUMN origin_author TEXT;
        ALTER TABLE comment_threads ADD COLUMN origin_date TEXT;
        ALTER TABLE comment_replies ADD COLUMN origin_author TEXT;
        ALTER TABLE comment_replies ADD COLUMN origin_date TEXT;
      `);
    },
  },
  {
    version: 12,
    description:
      "outline: parts and sections in order (title, budget, guidance, archived by/at, merged into) and the outline's revision; seeded from content/outline.yaml",
    up(db) {
      db.exec(`
        CREATE TABLE outline_meta (
          id        INTEGER PRIMARY KEY CHECK (id = 1),
          report    TEXT    NOT NULL,
          revision  INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE outline_parts (
          id           TEXT    PRIMARY KEY,
          position     INTEGER NOT NULL,
          title        TEXT    NOT NULL,
          front_matter INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE outline_sections (
          id           TEXT    PRIMARY KEY,
          part         TEXT    NOT NULL,
          position     INTEGER NOT NULL,
          title        TEXT    NOT NULL,
          budget       INTEGER NOT NULL CHECK (budget >= 0),
          guidance     TEXT    NOT NULL,
          archived_at  TEXT,
          archived_by  TEXT,
          merged_into  TEXT
        );
      `);
      // History points get the kind `outline` (text moved by a split or merge): SQLite changes a
      // CHECK only by rebuilding the table.
      db.exec(`
        CREATE TABLE history_points_new (
          id       INTEGER PRIMARY KEY,
          doc      TEXT    NOT NULL,
          seq      INTEGER NOT NULL,
          from_at  INTEGER NOT NULL,
          at       INTEGER NOT NULL,
          user_ids TEXT    NOT NULL DEFAULT '',
          kind     TEXT    NOT NULL
            CHECK (kind IN ('edit','import','restore','suggestion','version','outline')),
          added    INTEGER NOT NULL DEFAULT 0,
          removed  INTEGER NOT NULL DEFAULT 0,
          pinned   INTEGER NOT NULL DEFAULT 0,
          label    TEXT,
          state    BLOB    NOT NULL
        );
        INSERT INTO history_points_new SELECT id, doc, seq, from_at, at, user_ids, kind, added,
          removed, pinned, label, state FROM history_points;
        DROP TABLE history_points;
        ALTER TABLE history_points_new RENAME TO history_points;
        CREATE INDEX history_points_doc ON history_points(doc, at, id);
      `);
    },
  },
  {
    version: 13,
    description:
      "evidence library: sources, their full-text index (diacritics folded) and a trigram index for Chinese and Japanese",
    up(db) {
      // `facets` holds the filter values lower-cased between '|' ("|group=academia|q=q3|"), so
      // that every filter matches case-insensitively beyond ASCII; it comes before the long
      // columns, so filters never read the text's overflow pages. The word index has few columns
      // (ranking cost grows with them); a submission's answers are indexed again, one column per
      // question, in a contentless index used only to search one question. The trigram index
      // holds only sources with Chinese, Japanese or Korean text, which the word index cannot cut.
      db.exec(`
        CREATE TABLE evidence_sources (
          id                INTEGER PRIMARY KEY,
          kind              TEXT NOT NULL
            CHECK (kind IN ('submission','consultation','contribution','document','literature')),
          contributor       TEXT CHECK (contributor IN ('member_state','un_entity')),
          ref               TEXT,
          title             TEXT NOT NULL,
          author            TEXT,
          organisation      TEXT,
          stakeholder_group TEXT,
          country           TEXT,
          region            TEXT,
          language          TEXT,
          date              TEXT,
          symbol            TEXT,
          url               TEXT,
          action_lines      TEXT NOT NULL DEFAULT '[]',
          sdgs              TEXT NOT NULL DEFAULT '[]',
          tags              TEXT NOT NULL DEFAULT '[]',
          facets            TEXT NOT NULL DEFAULT '',
          filename          TEXT,
          imported_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          imported_by       TEXT,
          answers           TEXT NOT NULL DEFAULT '{}',
          extra             TEXT NOT NULL DEFAULT '{}',
          text              TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX evidence_sources_kind ON evidence_sources(kind);
        CREATE VIRTUAL TABLE evidence_fts USING fts5(
          title, meta, body,
          tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE VIRTUAL TABLE evidence_answers USING fts5(
          q1, q2, q3, q4, q5, q6, q7, q8,
          content = '', contentless_delete = 1,
          tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE VIRTUAL TABLE evidence_trigram USING fts5(
          title, meta, q1, q2, q3, q4, q5, q6, q7, q8, body,
          tokenize = "trigram"
        );
      `);
    },
  },
  {
    version: 17,
    description:
      "evidence coding: the codebook (nested codes, colours, descriptions) and coded excerpts of sources",
    up(db) {
      // Names are unique among siblings (case-insensitive); top-level codes have parent 0 in
      // the unique index since NULLs never clash. An excerpt keeps its quote, so the export
      // still reads what was coded.
      db.exec(`
        CREATE TABLE evidence_codes (
          id          INTEGER PRIMARY KEY,
          name        TEXT NOT NULL,
          parent_id   INTEGER REFERENCES evidence_codes(id),
          colour      TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX evidence_codes_name
          ON evidence_codes(coalesce(parent_id, 0), name COLLATE NOCASE);
        CREATE TABLE evidence_excerpts (
          id        INTEGER PRIMARY KEY,
          source_id INTEGER NOT NULL REFERENCES evidence_sources(id) ON DELETE CASCADE,
          field     TEXT NOT NULL,
          start     INTEGER NOT NULL,
          "end"     INTEGER NOT NULL,
          quote     TEXT NOT NULL,
          by        TEXT NOT NULL,
          at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        );
        CREATE INDEX evidence_excerpts_source ON evidence_excerpts(source_id);
        CREATE TABLE evidence_excerpt_codes (
          excerpt_id INTEGER NOT NULL REFERENCES evidence_excerpts(id) ON DELETE CASCADE,
          code_id    INTEGER NOT NULL REFERENCES evidence_codes(id),
          PRIMARY KEY (excerpt_id, code_id)
        ) WITHOUT ROWID;
        CREATE INDEX evidence_excerpt_codes_code ON evidence_excerpt_codes(code_id);
      `);
    },
  },
  {
    version: 18,
    description: "evidence themes: the keyword rules editors keep for each WSIS Action Line",
    up(db) {
      db.exec(`
        CREATE TABLE action_line_rules (
          action_line TEXT PRIMARY KEY,
          keywords    TEXT NOT NULL DEFAULT '[]',
          updated_by  TEXT,
          updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 22,
    description:
      "report workspaces: the instance's reports (this database is report 1) and who is a member of which, with what role",
    up(db) {
      // Report 1 is this database's own report: its title comes from the outline when there is
      // one (an empty title is filled in when the outline is seeded), and every account is a
      // member with its current role, so a single-report install changes nothing.
      db.exec(`
        CREATE TABLE reports (
          id         INTEGER PRIMARY KEY,
          title      TEXT NOT NULL,
          template   TEXT NOT NULL,
          created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          created_by INTEGER REFERENCES users(id)
        );
        CREATE TABLE report_members (
          report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          role      TEXT    NOT NULL CHECK (role IN ('editor','drafter','reviewer')),
          PRIMARY KEY (report_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX report_members_user ON report_members(user_id);
        INSERT INTO reports (id, title, template)
          SELECT 1, COALESCE((SELECT json_extract(report, '$.title') FROM outline_meta WHERE id = 1), ''),
                 'wsis20-review';
        INSERT INTO report_members (report_id, user_id, role) SELECT 1, id, role FROM users;
      `);
    },
  },
];

/**
 * Brings `db` to the newest schema: applies, each in its own transaction, the migrations whose
 * version is above the database's `user_version`. Refuses a database written by a newer version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `The database has schema version ${current}, newer than this Rapporteur (${newest}). ` +
        "Upgrade Rapporteur before opening it.",
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
