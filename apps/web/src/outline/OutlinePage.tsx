import type {
  ArchivedSectionView,
  ReportPart,
  ReportView,
  Role,
  SectionHeadingView,
  SectionView,
} from "@rapporteur/api";
import { type DragEvent, useCallback, useEffect, useRef, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { ROLE_LABELS } from "../auth/roleLabels";
import { formatNumber } from "../layout/formatNumber";
import { Menu } from "../layout/Menu";
import { fetchReport } from "../report/fetchReport";
import { PageError } from "../ui/PageError";
import { AddPartForm } from "./AddPartForm";
import { AddSectionForm } from "./AddSectionForm";
import { ArchiveDialog } from "./ArchiveDialog";
import { ArchivedSections } from "./ArchivedSections";
import { InlineRename } from "./InlineRename";
import { MergeDialog } from "./MergeDialog";
import { MoveToPartDialog } from "./MoveToPartDialog";
import {
  type DropSide,
  OutlineSectionRow,
  type SectionDialogKind,
  type SectionRowActions,
} from "./OutlineSectionRow";
import { isOutlineConflict, outlineChangeProblem } from "./outlineChangeProblem";
import { SectionDetailsDialog } from "./SectionDetailsDialog";
import { SplitDialog } from "./SplitDialog";
import { type MoveRequest, movedOrder, type SectionMove, sectionMove } from "./sectionMove";
import "./outline.css";

/** Props of {@link OutlinePage}. */
export interface OutlinePageProps {
  report: ReportView;
  role: Role;
  onOpenSection: (sectionId: string) => void;
  /** Shows the report as the server answered a change. */
  onReport: (report: ReportView) => void;
  /** Loads the report again (after a change answered with an id, or a conflict). */
  reload: () => void;
}

type Dialog = { kind: SectionDialogKind; section: SectionView };
type DropTarget = { section: string; side: DropSide } | { part: string } | null;

function isReport(answer: unknown): answer is ReportView {
  return (
    typeof answer === "object" &&
    answer !== null &&
    Array.isArray((answer as ReportView).sections) &&
    Array.isArray((answer as ReportView).parts)
  );
}

/** Where a section is in the report: "2 of 5 in “Part”". */
function placeOf(report: Pick<ReportView, "parts" | "sections">, id: string): string {
  const section = report.sections.find((s) => s.id === id);
  if (!section) return "";
  const siblings = report.sections.filter((s) => s.part === section.part);
  const part = report.parts.find((p) => p.id === section.part);
  return `${siblings.indexOf(section) + 1} of ${siblings.length} in “${part?.title ?? section.part}”`;
}

/**
 * The Outline page: the report's parts and their sections in order, with allocations and
 * guidance. Editors (the server says who: `mayEditOutline`) restructure it here: add sections and
 * parts, rename in place, move by drag and drop or by keyboard, split, merge, archive and restore.
 * Every change is sent with the outline's revision, so that a change made meanwhile by someone
 * else is refused (409) and the current outline shown instead.
 */
export function OutlinePage({ report, role, onOpenSection, onReport, reload }: OutlinePageProps) {
  const canEdit = report.mayEditOutline;
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<{ id: string; move: SectionMove } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const busyRef = useRef(false);
  // Keyboard moves pressed while one is being saved: made in turn, from the order then shown.
  const queued = useRef<{ id: string; request: MoveRequest }[]>([]);

  const sections = pending ? movedOrder(report, pending.id, pending.move) : report.sections;
  const order = { parts: report.parts, sections };

  useEffect(() => {
    if (!focusRow) return;
    const row = document.querySelector<HTMLElement>(`[data-outline-row="${CSS.escape(focusRow)}"]`);
    if (row && !row.contains(document.activeElement)) row.focus();
    setFocusRow(null);
  });

  /**
   * Sends one change; shows the answered report (or loads it again), says `done` in the status
   * line, and resolves to the problem to show (null once made). A conflict reloads the outline.
   */
  const send = useCallback(
    async (
      key: string,
      request: () => Promise<unknown>,
      done: (answer: unknown) => string,
    ): Promise<string | null> => {
      busyRef.current = true;
      setBusy(key);
      setProblem(null);
      setStatus("Saving…");
      try {
        const answer = await request();
        if (isReport(answer)) {
          onReport(answer);
        } else {
          // Answered with an id: show the outline that holds it before saying it is done.
          await fetchReport().then(onReport, reload);
        }
        setStatus(done(answer));
        return null;
      } catch (error) {
        if (isOutlineConflict(error)) reload();
        setStatus("");
        return outlineChangeProblem(error);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [onReport, reload],
  );

  const move = (id: string, request: MoveRequest) => {
    if (busyRef.current) {
      if (request.kind === "up" || request.kind === "down") queued.current.push({ id, request });
      return;
    }
    const step = sectionMove(order, id, request);
    const section = report.sections.find((s) => s.id === id);
    if (!step || !section) return;
    const expected = { parts: report.parts, sections: movedOrder(order, id, step) };
    setPending({ id, move: step });
    setFocusRow(id);
    void send(
      `move:${id}`,
      () =>
        apiRequest("updateOutlineSection", {
          params: { id },
          body: { part: step.part, after: step.after, revision: report.revision },
        }),
      (answer) =>
        `“${section.title}” moved: now ${placeOf(isReport(answer) ? answer : expected, id)}.`,
    ).then((refused) => {
      setPending(null);
      setFocusRow(id);
      if (refused) {
        queued.current = [];
        setProblem(refused);
      }
    });
  };

  // After each render: once idle, the next queued keyboard move.
  useEffect(() => {
    if (busy !== null || pending !== null) return;
    const next = queued.current.shift();
    if (next) move(next.id, next.request);
  });

  const closeDialog = () => setDialog(null);
  const inDialog = (result: Promise<string | null>) =>
    result.then((refused) => {
      if (!refused) setDialog(null);
      return refused;
    });

  const actions: SectionRowActions = {
    open: onOpenSection,
    move,
    rename: (section, title) =>
      send(
        `rename:${section.id}`,
        () =>
          apiRequest("updateOutlineSection", {
            params: { id: section.id },
            body: { title, revision: report.revision },
          }),
        () => `“${section.title}” is now “${title}”.`,
      ).then((refused) => {
        if (!refused) {
          setRenaming(null);
          setFocusRow(section.id);
        }
        return refused;
      }),
    setRenaming: (id) => {
      setRenaming(id);
      if (id === null && renaming) setFocusRow(renaming);
    },
    openDialog: (kind, section) => setDialog({ kind, section }),
    dragStart: (id) => {
      setDragging(id);
      setProblem(null);
    },
    dragEnd: () => {
      setDragging(null);
      setDropTarget(null);
    },
    dragOver: (id, side) =>
      setDropTarget((was) =>
        was && "section" in was && was.section === id && was.side === side
          ? was
          : { section: id, side },
      ),
    drop: (request) => {
      const id = dragging;
      setDragging(null);
      setDropTarget(null);
      if (id) move(id, request);
    },
  };

  const dropOnPart = (part: ReportPart) => ({
    onDragOver: (event: DragEvent) => {
      if (!dragging) return;
      event.preventDefault();
      setDropTarget((was) =>
        was && "part" in was && was.part === part.id ? was : { part: part.id },
      );
    },
    onDrop: (event: DragEvent) => {
      if (!dragging) return;
      event.preventDefault();
      actions.drop({ kind: "toPart", part: part.id });
    },
  });

  const movePart = (part: ReportPart, direction: -1 | 1) => {
    const index = report.parts.indexOf(part);
    const after =
      direction === -1
        ? (report.parts[index - 2]?.id ?? null)
        : (report.parts[index + 1]?.id ?? null);
    void send(
      `part:${part.id}`,
      () =>
        apiRequest("updateOutlinePart", {
          params: { id: part.id },
          body: { after, revision: report.revision },
        }),
      () => `Part “${part.title}” moved ${direction === -1 ? "up" : "down"}.`,
    ).then((refused) => refused && setProblem(refused));
  };

  return (
    <main
      className="admin-page admin-page--wide outline-page"
      id="editor-main"
      aria-labelledby="outline-title"
    >
      <header className="admin-page__head">
        <h1 id="outline-title" className="admin-page__title">
          Outline
        </h1>
        <p className="admin-page__lead">
          {report.parts.length} parts, {report.sections.length} sections,{" "}
          {formatNumber(report.totals.budget)} words allocated.
          {canEdit &&
            " Drag a section to move it, or focus its row and press Alt+↑ or Alt+↓. Everyone sees changes at once; text being written stays where it is."}
        </p>
      </header>
      {!canEdit && (
        <p
          className="notice notice--readonly outline-page__readonly"
          role="status"
          data-testid="outline-readonly"
        >
          Only editors can change the structure of the report. You are signed in as a{" "}
          {ROLE_LABELS[role].toLowerCase()}: you can read the outline and open any section.
        </p>
      )}
      {canEdit && (
        <p id="outline-keys-hint" className="visually-hidden">
          Alt+Arrow Up or Alt+Arrow Down moves the section.
        </p>
      )}
      <p
        className="outline-page__status"
        role="status"
        aria-live="polite"
        data-testid="outline-status"
      >
        {status}
      </p>
      <PageError problem={problem} testId="outline-error" />
      <div className={`outline-page__columns${canEdit ? "" : " is-read-only"}`}>
        <div className="outline-page__parts" data-testid="outline-editor">
          {report.parts.map((part, partIndex) => {
            const inPart = sections.filter((s) => s.part === part.id);
            const headingId = `outline-editor-part-${part.id}`;
            const allocated = inPart.reduce((sum, s) => sum + s.budget, 0);
            const isDrop =
              dropTarget !== null && "part" in dropTarget && dropTarget.part === part.id;
            return (
              <section
                key={part.id}
                className={`outline-part${isDrop ? " is-drop" : ""}`}
                aria-labelledby={headingId}
                data-testid={`outline-part-${part.id}`}
                {...(canEdit ? dropOnPart(part) : {})}
              >
                <header className="outline-part__head">
                  {renaming === `part:${part.id}` ? (
                    <InlineRename
                      title={part.title}
                      label="Title of the part"
                      testId={`rename-part-form-${part.id}`}
                      onCancel={() => setRenaming(null)}
                      onSave={(title) =>
                        send(
                          `part:${part.id}`,
                          () =>
                            apiRequest("updateOutlinePart", {
                              params: { id: part.id },
                              body: { title, revision: report.revision },
                            }),
                          () => `Part “${part.title}” is now “${title}”.`,
                        ).then((refused) => {
                          if (!refused) setRenaming(null);
                          return refused;
                        })
                      }
                    />
                  ) : (
                    <h2 id={headingId} className="outline-part__title">
                      {part.title}
                    </h2>
                  )}
                  <span className="outline-part__meta">
                    {inPart.length} {inPart.length === 1 ? "section" : "sections"} ·{" "}
                    {formatNumber(allocated)} words
                  </span>
                  {canEdit && (
                    <Menu
                      label={`Actions for the part “${part.title}”`}
                      buttonClassName="button button--small button--quiet outline-row__menu"
                      testId={`part-actions-${part.id}`}
                      button={<span aria-hidden="true">•••</span>}
                      items={[
                        {
                          key: "rename-part",
                          label: "Rename",
                          onSelect: () => setRenaming(`part:${part.id}`),
                        },
                        {
                          key: "part-up",
                          label: "Move part up",
                          disabled: partIndex === 0 || busy !== null,
                          onSelect: () => movePart(part, -1),
                        },
                        {
                          key: "part-down",
                          label: "Move part down",
                          disabled: partIndex === report.parts.length - 1 || busy !== null,
                          onSelect: () => movePart(part, 1),
                        },
                      ]}
                    />
                  )}
                </header>
                {inPart.length === 0 ? (
                  <p className="outline-part__empty">
                    No sections in this part yet.{canEdit && " Add one, or drag one here."}
                  </p>
                ) : (
                  <ol className="outline-part__sections">
                    {inPart.map((section, index) => {
                      const drop =
                        dropTarget && "section" in dropTarget && dropTarget.section === section.id
                          ? dropTarget.side
                          : null;
                      return (
                        <OutlineSectionRow
                          key={section.id}
                          section={section}
                          index={index}
                          count={inPart.length}
                          canMoveUp={sectionMove(order, section.id, { kind: "up" }) !== null}
                          canMoveDown={sectionMove(order, section.id, { kind: "down" }) !== null}
                          canEdit={canEdit}
                          busy={busy !== null}
                          moving={pending?.id === section.id}
                          renaming={renaming === section.id}
                          dragging={dragging !== null}
                          dropSide={dragging === section.id ? null : drop}
                          actions={actions}
                        />
                      );
                    })}
                  </ol>
                )}
                {isDrop && (
                  <p className="outline-part__drop-hint" aria-hidden="true">
                    Drop to move to the end of “{part.title}”
                  </p>
                )}
              </section>
            );
          })}
        </div>
        {canEdit && (
          <aside className="outline-page__aside" aria-label="Change the outline">
            <AddSectionForm
              report={report}
              onAdd={(body) =>
                send(
                  "add-section",
                  () => apiRequest("createOutlineSection", { body }),
                  () => `Section “${body.title}” added.`,
                )
              }
            />
            <AddPartForm
              report={report}
              onAdd={(body) =>
                send(
                  "add-part",
                  () => apiRequest("createOutlinePart", { body }),
                  () => `Part “${body.title}” added.`,
                )
              }
            />
            <ArchivedSections
              report={report}
              onRestore={(section: ArchivedSectionView) =>
                send(
                  `restore:${section.id}`,
                  () => apiRequest("restoreOutlineSection", { params: { id: section.id } }),
                  () => `“${section.title}” is back in the outline, with its text.`,
                )
              }
            />
          </aside>
        )}
      </div>
      {dialog?.kind === "details" && (
        <SectionDetailsDialog
          section={dialog.section}
          onClose={closeDialog}
          onSave={(change) =>
            inDialog(
              send(
                `details:${dialog.section.id}`,
                () =>
                  apiRequest("updateOutlineSection", {
                    params: { id: dialog.section.id },
                    body: { ...change, revision: report.revision },
                  }),
                () => `Guidance and allocation of “${dialog.section.title}” saved.`,
              ),
            )
          }
        />
      )}
      {dialog?.kind === "movePart" && (
        <MoveToPartDialog
          report={report}
          section={dialog.section}
          onClose={closeDialog}
          onMove={(part) => {
            const step = sectionMove(report, dialog.section.id, { kind: "toPart", part });
            if (!step) return Promise.resolve("It is in that part already.");
            return inDialog(
              send(
                `move:${dialog.section.id}`,
                () =>
                  apiRequest("updateOutlineSection", {
                    params: { id: dialog.section.id },
                    body: { ...step, revision: report.revision },
                  }),
                (answer) =>
                  `“${dialog.section.title}” moved: now ${isReport(answer) ? placeOf(answer, dialog.section.id) : "in its new part"}.`,
              ),
            );
          }}
        />
      )}
      {dialog?.kind === "split" && (
        <SplitDialog
          section={dialog.section}
          onClose={closeDialog}
          onSplit={(heading: SectionHeadingView) =>
            inDialog(
              send(
                `split:${dialog.section.id}`,
                () =>
                  apiRequest("splitOutlineSection", {
                    params: { id: dialog.section.id },
                    body: { atHeading: heading.anchor },
                  }),
                () =>
                  `“${dialog.section.title}” was split: “${heading.text}” and the text after it are a new section.`,
              ),
            )
          }
        />
      )}
      {dialog?.kind === "merge" && (
        <MergeDialog
          report={report}
          section={dialog.section}
          onClose={closeDialog}
          onMerge={(into) =>
            inDialog(
              send(
                `merge:${dialog.section.id}`,
                () =>
                  apiRequest("mergeOutlineSection", {
                    params: { id: dialog.section.id },
                    body: { into: into.id },
                  }),
                () => `“${dialog.section.title}” was merged into “${into.title}”.`,
              ),
            )
          }
        />
      )}
      {dialog?.kind === "archive" && (
        <ArchiveDialog
          section={dialog.section}
          onClose={closeDialog}
          onArchive={() =>
            inDialog(
              send(
                `archive:${dialog.section.id}`,
                () => apiRequest("archiveOutlineSection", { params: { id: dialog.section.id } }),
                () =>
                  `“${dialog.section.title}” was archived; its text is kept under Archived sections.`,
              ),
            )
          }
        />
      )}
    </main>
  );
}
