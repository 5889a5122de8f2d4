import type { SectionView } from "@rapporteur/api";
import type { DragEvent, KeyboardEvent } from "react";
import { formatNumber } from "../layout/formatNumber";
import { Menu } from "../layout/Menu";
import { useReportId } from "../report/ReportIdContext";
import { InAppLink } from "../routing/InAppLink";
import { sectionPath } from "../routing/parseRoute";
import { Button } from "../ui/Button";
import { LineIcon } from "../ui/LineIcon";
import { InlineRename } from "./InlineRename";
import type { MoveRequest } from "./sectionMove";

/** A dialog an editor opens from a section's row. */
export type SectionDialogKind = "details" | "movePart" | "split" | "merge" | "archive";

/** Where a dragged section would land on this row. */
export type DropSide = "before" | "after";

/** What a row of the outline editor asks its page to do. */
export interface SectionRowActions {
  open: (sectionId: string) => void;
  move: (sectionId: string, request: MoveRequest) => void;
  rename: (section: SectionView, title: string) => Promise<string | null>;
  setRenaming: (sectionId: string | null) => void;
  openDialog: (kind: SectionDialogKind, section: SectionView) => void;
  dragStart: (sectionId: string) => void;
  dragEnd: () => void;
  dragOver: (sectionId: string, side: DropSide) => void;
  drop: (request: MoveRequest) => void;
}

/** Props of {@link OutlineSectionRow}. */
export interface OutlineSectionRowProps {
  section: SectionView;
  /** Its place in its part (0-based) and how many the part holds. */
  index: number;
  count: number;
  /** The previous and next places exist (they may be in the neighbouring part). */
  canMoveUp: boolean;
  canMoveDown: boolean;
  canEdit: boolean;
  /** A change is under way: moves wait for it. */
  busy: boolean;
  /** This row's move is the change under way. */
  moving: boolean;
  renaming: boolean;
  /** A section is being dragged (any). */
  dragging: boolean;
  dropSide: DropSide | null;
  actions: SectionRowActions;
}

const GRIP = "M6 3.5h.01M10 3.5h.01M6 8h.01M10 8h.01M6 12.5h.01M10 12.5h.01";

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * One section of the outline editor: title (a link to the section), guidance and allocation; for
 * editors also Move up / Move down, the actions menu, dragging, and Alt+ArrowUp / Alt+ArrowDown
 * on the focused row.
 */
export function OutlineSectionRow({
  section,
  index,
  count,
  canMoveUp,
  canMoveDown,
  canEdit,
  busy,
  moving,
  renaming,
  dragging,
  dropSide,
  actions,
}: OutlineSectionRowProps) {
  const reportId = useReportId();
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!canEdit || !event.altKey || isTyping(event.target)) return;
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    actions.move(section.id, { kind: event.key === "ArrowUp" ? "up" : "down" });
  };
  const onDragOver = (event: DragEvent<HTMLLIElement>) => {
    if (!dragging) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = "move";
    const box = event.currentTarget.getBoundingClientRect();
    actions.dragOver(section.id, event.clientY < box.top + box.height / 2 ? "before" : "after");
  };
  const classes = [
    "outline-row",
    moving && "is-moving",
    dropSide && `is-drop-${dropSide}`,
    canEdit && "is-editable",
  ];
  return (
    <li
      className={classes.filter(Boolean).join(" ")}
      data-testid={`outline-row-${section.id}`}
      data-outline-row={section.id}
      tabIndex={canEdit ? 0 : undefined}
      aria-label={canEdit ? `${section.title}, ${index + 1} of ${count}` : undefined}
      aria-describedby={canEdit ? "outline-keys-hint" : undefined}
      draggable={canEdit && !renaming}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        if (!canEdit || busy) {
          event.preventDefault();
          return;
        }
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", section.id);
        actions.dragStart(section.id);
      }}
      onDragEnd={actions.dragEnd}
      onDragOver={onDragOver}
      onDrop={(event) => {
        if (!dragging) return;
        event.preventDefault();
        event.stopPropagation();
        const box = event.currentTarget.getBoundingClientRect();
        const side = event.clientY < box.top + box.height / 2 ? "before" : "after";
        actions.drop({ kind: side, section: section.id });
      }}
    >
      {canEdit && (
        <span className="outline-row__grip" title="Drag to move" aria-hidden="true">
          <LineIcon d={GRIP} size={16} strokeWidth={2.4} cap="round" />
        </span>
      )}
      <div className="outline-row__main">
        {renaming ? (
          <InlineRename
            title={section.title}
            label="Title of the section"
            testId={`rename-form-${section.id}`}
            onSave={(title) => actions.rename(section, title)}
            onCancel={() => actions.setRenaming(null)}
          />
        ) : (
          <InAppLink
            path={sectionPath(reportId, section.id)}
            className="outline-row__title"
            active={false}
            testId={`outline-title-${section.id}`}
            onOpen={() => actions.open(section.id)}
          >
            {section.title}
          </InAppLink>
        )}
        {section.guidance ? (
          <p className="outline-row__guidance" data-testid={`outline-guidance-${section.id}`}>
            {section.guidance}
          </p>
        ) : (
          <p className="outline-row__guidance is-empty">No guidance note.</p>
        )}
      </div>
      <p className="outline-row__allocation" data-testid={`outline-allocation-${section.id}`}>
        {formatNumber(section.budget)}
        <span className="outline-row__unit"> words</span>
      </p>
      {canEdit && (
        <div className="outline-row__actions">
          <Button
            small
            variant="quiet"
            className="outline-row__move"
            aria-label={`Move “${section.title}” up`}
            title="Move up (Alt+↑)"
            disabled={!canMoveUp || busy}
            data-testid={`move-up-${section.id}`}
            onClick={() => actions.move(section.id, { kind: "up" })}
          >
            <LineIcon
              d="M8 13V3M3.5 7.5 8 3l4.5 4.5"
              size={14}
              strokeWidth={1.7}
              cap="round"
              join="round"
            />
          </Button>
          <Button
            small
            variant="quiet"
            className="outline-row__move"
            aria-label={`Move “${section.title}” down`}
            title="Move down (Alt+↓)"
            disabled={!canMoveDown || busy}
            data-testid={`move-down-${section.id}`}
            onClick={() => actions.move(section.id, { kind: "down" })}
          >
            <LineIcon
              d="M8 3v10M3.5 8.5 8 13l4.5-4.5"
              size={14}
              strokeWidth={1.7}
              cap="round"
              join="round"
            />
          </Button>
          <Menu
            label={`Actions for “${section.title}”`}
            buttonClassName="button button--small button--quiet outline-row__menu"
            testId={`section-actions-${section.id}`}
            button={<span aria-hidden="true">•••</span>}
            items={[
              { key: "rename", label: "Rename", onSelect: () => actions.setRenaming(section.id) },
              {
                key: "details",
                label: "Guidance and allocation…",
                onSelect: () => actions.openDialog("details", section),
              },
              {
                key: "move-part",
                label: "Move to part…",
                disabled: busy,
                onSelect: () => actions.openDialog("movePart", section),
              },
              {
                key: "split",
                label: "Split at a sub-heading…",
                separatorBefore: true,
                onSelect: () => actions.openDialog("split", section),
              },
              {
                key: "merge",
                label: "Merge into another section…",
                onSelect: () => actions.openDialog("merge", section),
              },
              {
                key: "archive",
                label: "Archive…",
                hint: "Text, comments and history are kept",
                separatorBefore: true,
                onSelect: () => actions.openDialog("archive", section),
              },
            ]}
          />
        </div>
      )}
    </li>
  );
}
