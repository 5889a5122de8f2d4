import type { CodedExcerpt, EvidenceCode } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { apiUrl } from "../api/apiUrl";
import { Button } from "../ui/Button";
import { nestedCodes } from "./nestedCodes";

/** Props of {@link CodebookPanel}. */
export interface CodebookPanelProps {
  codes: readonly EvidenceCode[];
  /** Changes when excerpts are added, so an open code's list is read again. */
  generation: number;
}

/**
 * The codebook: every code, nested, with how many excerpts it tags; a code opens the list of
 * its excerpts and its sub-codes'. Links download every coded excerpt as CSV or XLSX.
 */
export function CodebookPanel({ codes, generation }: CodebookPanelProps) {
  const [open, setOpen] = useState<number | null>(null);
  const [excerpts, setExcerpts] = useState<CodedExcerpt[] | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reads the list again
  useEffect(() => {
    if (open === null) return;
    const controller = new AbortController();
    setExcerpts(null);
    apiRequest("evidenceCodeExcerpts", { params: { id: open }, signal: controller.signal })
      .then((answer) => setExcerpts(answer.excerpts))
      .catch(() => setExcerpts([]));
    return () => controller.abort();
  }, [open, generation]);

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
              {open === code.id && (
                <ul className="evidence-codebook__excerpts" data-testid="codebook-excerpts">
                  {excerpts === null ? (
                    <li>Loading…</li>
                  ) : excerpts.length === 0 ? (
                    <li>No excerpts.</li>
                  ) : (
                    excerpts.map((excerpt) => (
                      <li key={excerpt.id}>
                        <q dir="auto">{excerpt.quote}</q> — {excerpt.sourceTitle} ({excerpt.by})
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
    </section>
  );
}
