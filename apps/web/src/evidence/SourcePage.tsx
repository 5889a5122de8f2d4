import {
  type CodedExcerpt,
  type EvidenceCode,
  type ExcerptField,
  QUESTION_IDS,
  type Source,
} from "@rapporteur/api";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { MessagePanel } from "../layout/MessagePanel";
import { InAppLink } from "../routing/InAppLink";
import { EVIDENCE_PATH, reportPath } from "../routing/parseRoute";
import { Button } from "../ui/Button";
import { CodebookPanel } from "./CodebookPanel";
import { CodedText } from "./CodedText";
import { CodeSelectionDialog } from "./CodeSelectionDialog";
import { ExcerptDeleteDialog } from "./ExcerptDeleteDialog";
import { questionLabel, SOURCE_KIND_LABELS, STAKEHOLDER_GROUP_LABELS } from "./evidenceLabels";
import { SourceDetailsDialog } from "./SourceDetailsDialog";
import { type FieldSelection, selectionInField } from "./selectionInField";
import "./evidence.css";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";

/** Props of {@link SourcePage}. */
export interface SourcePageProps {
  sourceId: number;
  /** The search it was opened from (the address's query), kept by the way back. */
  query: string;
  navigate: (path: string) => void;
}

/** One source of the evidence library: its metadata, its answers per question and its text. */
export function SourcePage({ sourceId, query, navigate }: SourcePageProps) {
  const reportId = useReportId();
  const [source, setSource] = useState<Source | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Unknown until the server says (`me`): no coding control is offered before.
  const [mayCode, setMayCode] = useState(false);
  const [codes, setCodes] = useState<EvidenceCode[]>([]);
  const [excerpts, setExcerpts] = useState<CodedExcerpt[]>([]);
  const [generation, setGeneration] = useState(0);
  const [coding, setCoding] = useState<FieldSelection | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CodedExcerpt | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("me", { signal: controller.signal })
      .then((me) => setMayCode(me.mayImportEvidence))
      .catch(() => setMayCode(false));
    return () => controller.abort();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reads them again after coding
  useEffect(() => {
    const controller = new AbortController();
    apiRequest("evidenceCodes", { signal: controller.signal })
      .then((answer) => setCodes(answer.codes))
      .catch(() => setCodes([]));
    apiRequest("sourceExcerpts", { params: { id: sourceId }, signal: controller.signal })
      .then((answer) => setExcerpts(answer.excerpts))
      .catch(() => setExcerpts([]));
    return () => controller.abort();
  }, [sourceId, generation]);

  const codeById = useMemo(() => new Map(codes.map((code) => [code.id, code])), [codes]);

  const codeSelection = useCallback(() => {
    const selected = selectionInField(window.getSelection());
    if (!selected) {
      setHint("Select a passage of one answer or of the text first");
      return;
    }
    setHint(null);
    setCoding(selected);
  }, []);

  useEffect(() => {
    if (!mayCode) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === "c") {
        event.preventDefault();
        codeSelection();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mayCode, codeSelection]);

  useEffect(() => {
    const controller = new AbortController();
    setSource(null);
    setProblem(null);
    apiRequest("evidenceSource", { params: { id: sourceId }, signal: controller.signal })
      .then(setSource)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [sourceId]);

  const back = `${reportPath(reportId, EVIDENCE_PATH)}${query}`;
  const backLink = (
    <InAppLink
      path={back}
      className="evidence-source__back"
      active={false}
      testId="evidence-back"
      onOpen={() => navigate(back)}
    >
      ← Back to the search
    </InAppLink>
  );

  if (problem) {
    return (
      <MessagePanel title="This source could not be opened" tone="error">
        <p>{problem}</p>
        <p>{backLink}</p>
      </MessagePanel>
    );
  }
  if (!source) return <MessagePanel title="Opening the source…" />;

  const facts: [string, ReactNode][] = [
    ["Kind", SOURCE_KIND_LABELS[source.kind]],
    ["Author", source.author],
    ["Organisation", source.organisation],
    ["Stakeholder group", source.group ? STAKEHOLDER_GROUP_LABELS[source.group] : null],
    ["Country", source.country],
    ["Region", source.region],
    ["Language", source.language],
    ["Date", source.date],
    ["Symbol", source.symbol],
    ["URL", source.url],
    ["WSIS Action Lines", source.actionLines.join(", ") || null],
    ["SDGs", source.sdgs.join(", ") || null],
    ["Tags", source.tags.join(", ") || null],
    ...Object.entries(source.extra).map(([key, value]): [string, ReactNode] => [key, value]),
    ["File", source.filename],
    ["Imported by", source.importedBy],
  ];
  const answers = QUESTION_IDS.filter((id) => source.answers[id]);
  const textOf = (field: ExcerptField) =>
    (field === "text" ? source.text : source.answers[field]) ?? "";
  const excerptsOf = (field: ExcerptField) => excerpts.filter((excerpt) => excerpt.field === field);

  return (
    <main
      className="admin-page evidence-source"
      id="editor-main"
      aria-labelledby="evidence-source-title"
      data-testid="evidence-source"
    >
      <p>{backLink}</p>
      <header className="admin-page__head">
        <h1 id="evidence-source-title" className="admin-page__title">
          {source.title || `Source ${source.id}`}
        </h1>
      </header>
      {mayCode && (
        <div className="evidence-source__coding">
          {/* Keeps the page's selection: the button does not take the focus on press. */}
          <Button
            onMouseDown={(event) => event.preventDefault()}
            onClick={codeSelection}
            aria-keyshortcuts="Control+Alt+C"
            data-testid="code-selection"
          >
            Code selection…
          </Button>
          <Button onClick={() => setEditing(true)} data-testid="source-details-edit">
            Correct details…
          </Button>
          {hint && (
            <span role="status" className="evidence-source__hint">
              {hint}
            </span>
          )}
        </div>
      )}
      {editing && (
        <SourceDetailsDialog
          source={source}
          onSaved={setSource}
          onClose={() => setEditing(false)}
        />
      )}
      <dl className="evidence-source__facts">
        {facts
          .filter(([, value]) => value !== null && value !== "")
          .map(([label, value]) => (
            <div key={label} className="evidence-source__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {answers.length > 0 && (
        <section aria-labelledby="evidence-answers-title">
          <h2 id="evidence-answers-title" className="evidence-source__heading">
            Answers
          </h2>
          <dl className="evidence-source__answers" data-testid="evidence-answers">
            {answers.map((id) => (
              <div key={id}>
                <dt>{questionLabel(id)}</dt>
                <dd>
                  <CodedText
                    field={id}
                    text={source.answers[id] ?? ""}
                    excerpts={excerptsOf(id)}
                    codes={codeById}
                    testId={`evidence-answer-${id}`}
                  />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="evidence-text-title">
        <h2 id="evidence-text-title" className="evidence-source__heading">
          Text
        </h2>
        <CodedText
          field="text"
          text={source.text}
          excerpts={excerptsOf("text")}
          codes={codeById}
          className="evidence-source__text"
          testId="evidence-text"
        />
      </section>
      {excerpts.length > 0 && (
        <section aria-labelledby="evidence-excerpts-title">
          <h2 id="evidence-excerpts-title" className="evidence-source__heading">
            Coded passages
          </h2>
          <ul className="evidence-source__excerpts" data-testid="source-excerpts">
            {excerpts.map((excerpt) => (
              <li key={excerpt.id}>
                <q dir="auto">{excerpt.quote}</q> —{" "}
                {excerpt.field === "text" ? "text" : questionLabel(excerpt.field)};{" "}
                {excerpt.codes.map((id) => codeById.get(id)?.name ?? `code ${id}`).join(", ")} (
                {excerpt.by})
                {mayCode && (
                  <>
                    {" "}
                    <Button
                      variant="quiet"
                      small
                      aria-label={`Delete the excerpt “${excerpt.quote.slice(0, 40)}”`}
                      onClick={() => setDeleting(excerpt)}
                      data-testid="source-excerpt-delete"
                    >
                      Delete
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <CodebookPanel
        codes={codes}
        generation={generation}
        mayEdit={mayCode}
        onChanged={() => setGeneration((n) => n + 1)}
      />
      {deleting && (
        <ExcerptDeleteDialog
          excerpt={deleting}
          onDeleted={() => setGeneration((n) => n + 1)}
          onClose={() => setDeleting(null)}
        />
      )}
      {coding && (
        <CodeSelectionDialog
          quote={textOf(coding.field).slice(coding.start, coding.end)}
          codes={codes}
          onCodeAdded={(code) => setCodes((old) => [...old, code])}
          onCode={async (codeIds) => {
            await apiRequest("createEvidenceExcerpt", {
              params: { id: source.id },
              body: { field: coding.field, start: coding.start, end: coding.end, codes: codeIds },
            });
            setGeneration((n) => n + 1);
          }}
          onClose={() => setCoding(null)}
        />
      )}
    </main>
  );
}
