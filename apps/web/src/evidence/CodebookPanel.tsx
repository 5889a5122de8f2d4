import type { CodedExcerpt, EvidenceCode } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { apiUrl } from "../api/apiUrl";
import { errorMessage } from "../api/errorMessage";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { CodeDeleteDialog } from "./CodeDeleteDialog";
import { CodeEditDialog } from "./CodeEditDialog";
import { CodeMergeDialog } from "./CodeMergeDialog";
import { ExcerptDeleteDialog } from "./ExcerptDeleteDialog";
import { nestedCodes } from "./nestedCodes";

/** Props of {@link CodebookPanel}. */
export interface CodebookPanelProps {
  codes: readonly EvidenceCode[];
  /** Changes when excerpts are added, so an open code's list is read again. */
  generation: number;
  /** Whether this user may change the codebook (the server's `me` answer): editors and drafters. */
  mayEdit?: boolean;
  /** The codebook or the excerpts changed here: read them again. */
  onChanged?: () => void;
}

type Action =
  | { kind: "edit" | "merge" | "delete"; code: EvidenceCode }
  | { kind: "deleteExcerpt"; excerpt: CodedExcerpt };

/**
 * The codebook: every code, nested, with how many excerpts it tags; a code opens the list of
 * its excerpts and its sub-codes'. Editors and drafters rename, recolour, describe, move, merge
 * and delete codes, and delete excerpts, each in a dialog. Links download every coded excerpt
 * as CSV or XLSX.
 */
export function CodebookPanel({
  codes,
  generation,
  mayEdit = false,
  onChanged = () => {},
}: CodebookPanelProps) {
  const [open, setOpen] = useState<number | null>(null);
  const [excerpts, setExcerpts] = useState<CodedExcerpt[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reads the list again
  useEffect(() => {
    if (open === null) return;
    const controller = new AbortController();
    setExcerpts(null);
    setProblem(null);
    apiRequest("evidenceCodeExcerpts", { params: { id: open }, signal: controller.signal })
      .then((answer) => setExcerpts(answer.excerpts))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setExcerpts([]);
        setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [open, generation]);

  const gone = (id: number) => {
    if (open === id) setOpen(null);
    onChanged();
  };

  return (
    <section
      className="evidence-codebook"
      aria-labelledby="evidence-codebook-title"
      data-testid="evidence-codebook"
    >
      <h2 id="evidence-codebook-title" className="evidence-source__heading">
        Codebook
      </h2>
      {codes.length === 0 ? (
        <p>No codes yet.</p>
      ) : (
        <ul className="evidence-codebook__codes">
          {nestedCodes(codes).map(({ code, depth }) => (
            <li key={code.id} style={{ marginInlineStart: `${depth * 1.25}rem` }}>
              <div className="evidence-codebook__row">
                <Button
                  variant="quiet"
                  small
                  aria-expanded={open === code.id}
                  onClick={() => setOpen(open === code.id ? null : code.id)}
                  data-testid={`codebook-code-${code.name}`}
                  title={code.description || undefined}
                >
                  <span
                    className="evidence-code__swatch"
                    style={{ backgroundColor: code.colour }}
                    aria-hidden="true"
                  />
                  {code.name} <span className="evidence-codebook__count">({code.excerpts})</span>
                </Button>
                {code.description && (
                  <span className="evidence-codebook__description">{code.description}</span>
                )}
                {mayEdit && (
                  <span className="evidence-codebook__actions">
                    <Button
                      variant="quiet"
                      small
                      aria-label={`Edit “${code.name}”`}
                      onClick={() => setAction({ kind: "edit", code })}
                      data-testid={`codebook-edit-${code.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="quiet"
                      small
                      aria-label={`Merge “${code.name}” into another code`}
                      onClick={() => setAction({ kind: "merge", code })}
                      data-testid={`codebook-merge-${code.name}`}
                    >
                      Merge
                    </Button>
                    <Button
                      variant="quiet"
                      small
                      aria-label={`Delete “${code.name}”`}
                      onClick={() => setAction({ kind: "delete", code })}
                      data-testid={`codebook-delete-${code.name}`}
                    >
                      Delete
                    </Button>
                  </span>
                )}
              </div>
              {open === code.id && (
                <ul className="evidence-codebook__excerpts" data-testid="codebook-excerpts">
                  {excerpts === null ? (
                    <li>Loading…</li>
                  ) : excerpts.length === 0 ? (
                    <li>{problem ? <FieldError problem={problem} /> : "No excerpts."}</li>
                  ) : (
                    excerpts.map((excerpt) => (
                      <li key={excerpt.id}>
                        <q dir="auto">{excerpt.quote}</q> — {excerpt.sourceTitle} ({excerpt.by})
                        {mayEdit && (
                          <>
                            {" "}
                            <Button
                              variant="quiet"
                              small
                              aria-label={`Delete the excerpt “${excerpt.quote.slice(0, 40)}”`}
                              onClick={() => setAction({ kind: "deleteExcerpt", excerpt })}
                              data-testid="codebook-excerpt-delete"
                            >
                              Delete
                            </Button>
                          </>
                        )}
                      </li>
                    ))
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="evidence-codebook__downloads">
        Coded excerpts: <a href={apiUrl("evidenceExcerptsCsv")}>CSV</a>,{" "}
        <a href={apiUrl("evidenceExcerptsXlsx")}>XLSX</a>
      </p>
      {action?.kind === "edit" && (
        <CodeEditDialog
          code={action.code}
          codes={codes}
          onSaved={onChanged}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === "merge" && (
        <CodeMergeDialog
          code={action.code}
          codes={codes}
          onMerged={(answer) => {
            if (open === action.code.id) setOpen(answer.code.id);
            onChanged();
          }}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === "delete" && (
        <CodeDeleteDialog
          code={action.code}
          codes={codes}
          onDeleted={() => gone(action.code.id)}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === "deleteExcerpt" && (
        <ExcerptDeleteDialog
          excerpt={action.excerpt}
          onDeleted={onChanged}
          onClose={() => setAction(null)}
        />
      )}
    </section>
  );
}
