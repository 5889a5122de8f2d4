import { QUESTION_IDS, type Source } from "@rapporteur/api";
import { type ReactNode, useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { MessagePanel } from "../layout/MessagePanel";
import { InAppLink } from "../routing/InAppLink";
import { EVIDENCE_PATH } from "../routing/parseRoute";
import { questionLabel, SOURCE_KIND_LABELS, STAKEHOLDER_GROUP_LABELS } from "./evidenceLabels";
import "./evidence.css";

/** Props of {@link SourcePage}. */
export interface SourcePageProps {
  sourceId: number;
  /** The search it was opened from (the address's query), kept by the way back. */
  query: string;
  navigate: (path: string) => void;
}

/** One source of the evidence library: its metadata, its answers per question and its text. */
export function SourcePage({ sourceId, query, navigate }: SourcePageProps) {
  const [source, setSource] = useState<Source | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setSource(null);
    setProblem(null);
    apiRequest("evidenceSource", { params: { id: sourceId }, signal: controller.signal })
      .then(setSource)
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setProblem(error instanceof Error ? error.message : String(error));
      });
    return () => controller.abort();
  }, [sourceId]);

  const back = `${EVIDENCE_PATH}${query}`;
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
                <dd dir="auto">{source.answers[id]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="evidence-text-title">
        <h2 id="evidence-text-title" className="evidence-source__heading">
          Text
        </h2>
        <div className="evidence-source__text" data-testid="evidence-text" dir="auto">
          {source.text}
        </div>
      </section>
    </main>
  );
}
