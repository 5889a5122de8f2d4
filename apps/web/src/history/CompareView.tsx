import type { SectionComparisonView } from "@rapporteur/api";
import { useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { downloadExport } from "../transfer/downloadExport";
import { ChangeLegend } from "./ChangeLegend";
import { ComparedDocument } from "./ComparedDocument";
import type { ReportVersion } from "./historyTypes";

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  sectionId: string;
  /** The older version compared. */
  version: ReportVersion;
  /** The other versions, offered as the newer end instead of now. */
  versions: readonly ReportVersion[];
  onClose(): void;
}

/**
 * A named version compared with now (or with another version): the section read-only with its
 * insertions and deletions marked in their authors' colours, a legend of who made them, and
 * downloads of the comparison (this section or the whole report) as Word with tracked changes
 * or Markdown with CriticMarkup.
 */
export function CompareView({ sectionId, version, versions, onClose }: CompareViewProps) {
  const toId = useId();
  const [to, setTo] = useState<number | undefined>(undefined);
  const [view, setView] = useState<SectionComparisonView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setView(null);
    setMessage(null);
    const query = new URLSearchParams({ version: String(version.id) });
    if (to !== undefined) query.set("to", String(to));
    apiRequest("compareSection", { params: { id: sectionId }, query })
      .then((answer) => {
        if (live) setView(answer);
      })
      .catch((error: unknown) => {
        if (live) setMessage(errorMessage(error));
      });
    return () => {
      live = false;
    };
  }, [sectionId, version.id, to]);

  const download = async (format: "docx" | "md", whole: boolean) => {
    try {
      await downloadExport({
        format,
        variant: "final",
        compare: version.id,
        ...(to !== undefined ? { to } : {}),
        ...(whole ? {} : { sectionId }),
      });
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  const toName = to === undefined ? "now" : versions.find((v) => v.id === to)?.name;

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-view__head">
        <span className="history-preview__label">
          Changes since “{version.name}” ({to === undefined ? "until now" : `until “${toName}”`})
        </span>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <label htmlFor={toId} className="compare-view__to">
        Compare with{" "}
        <select
          id={toId}
          value={to ?? ""}
          onChange={(event) =>
            setTo(event.target.value === "" ? undefined : Number(event.target.value))
          }
        >
          <option value="">now</option>
          {versions
            .filter((v) => v.id !== version.id)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
        </select>
      </label>
      {message && (
        <p className="history-panel__message" role="status">
          {message}
        </p>
      )}
      {view === null ? (
        !message && <p className="panel__note">Comparing…</p>
      ) : (
        <>
          {view.changes.length === 0 ? (
            <p className="panel__note">No changes in this section.</p>
          ) : (
            <ChangeLegend changes={view.changes} />
          )}
          <ComparedDocument doc={view.doc} label={`Changes since ${version.name}`} />
        </>
      )}
      <div className="compare-view__downloads">
        <span>This section:</span>
        <button
          type="button"
          className="button button--small"
          onClick={() => void download("docx", false)}
        >
          Word (tracked changes)
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => void download("md", false)}
        >
          Markdown
        </button>
        <span>Whole report:</span>
        <button
          type="button"
          className="button button--small"
          onClick={() => void download("docx", true)}
        >
          Word
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => void download("md", true)}
        >
          Markdown
        </button>
      </div>
    </div>
  );
}
