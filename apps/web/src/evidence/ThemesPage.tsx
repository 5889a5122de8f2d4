import type { ActionLineCount, ApiAnswers, ThemePassage, ThemePhrase } from "@rapporteur/api";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { formatNumber } from "../layout/formatNumber";
import { InAppLink } from "../routing/InAppLink";
import { evidenceSourcePath } from "../routing/parseRoute";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { PageError } from "../ui/PageError";
import { SelectField } from "../ui/SelectField";
import { TableHead } from "../ui/TableHead";
import { TextField } from "../ui/TextField";
import { EvidenceTabs } from "./EvidenceTabs";
import {
  groupChoices,
  questionChoices,
  questionLabel,
  STAKEHOLDER_GROUP_LABELS,
} from "./evidenceLabels";
import { actionLineChart, keywordsOf, phraseBars } from "./themeRows";
import "./evidence.css";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";

/** How many key phrases the chart may show (the server gives at most 500). */
const PHRASE_LIMITS = ["30", "100", "500"] as const;
/** How many passages the drill-down lists; the rest are counted. */
const PASSAGES_SHOWN = 100;

/** Which answers the themes read (a question id and a stakeholder group, "" for all) and how many phrases. */
interface ThemeFilters {
  question: string;
  group: string;
  limit: string;
}

function filterQuery(filters: ThemeFilters, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams(extra);
  if (filters.question) query.set("question", filters.question);
  if (filters.group) query.set("group", filters.group);
  return query;
}

/** Props of {@link ThemesPage}. */
export interface ThemesPageProps {
  navigate: (path: string) => void;
}

/**
 * The Themes page: the most common key phrases of the submissions' answers as a bar chart, by
 * question and stakeholder group, with the passages that use a phrase; and how many submissions
 * address each WSIS Action Line, with the under-covered lines marked and the keyword rules.
 */
export function ThemesPage({ navigate }: ThemesPageProps) {
  const [filters, setFilters] = useState<ThemeFilters>({
    question: "",
    group: "",
    limit: PHRASE_LIMITS[0],
  });
  const [selected, setSelected] = useState<string | null>(null);
  const set = (key: keyof ThemeFilters) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setSelected(null);
  };
  return (
    <main className="admin-page evidence-page" id="editor-main" aria-labelledby="themes-title">
      <header className="admin-page__head">
        <h1 id="themes-title" className="admin-page__title">
          Evidence themes
        </h1>
        <p className="admin-page__lead">
          The phrases the submissions use most, and the WSIS Action Lines they address.
        </p>
        <EvidenceTabs navigate={navigate} current="themes" />
      </header>
      <section className="coverage-section" aria-labelledby="themes-phrases-title">
        <h2 id="themes-phrases-title" className="coverage-section__title">
          Key phrases
        </h2>
        <div className="evidence-search__filters themes-filters">
          <SelectField
            label="Question"
            value={filters.question}
            onValue={set("question")}
            data-testid="themes-question"
            options={questionChoices("All questions")}
          />
          <SelectField
            label="Stakeholder group"
            value={filters.group}
            onValue={set("group")}
            data-testid="themes-group"
            options={groupChoices("All groups")}
          />
          <SelectField
            label="Phrases shown"
            value={filters.limit}
            onValue={set("limit")}
            data-testid="themes-limit"
            options={PHRASE_LIMITS.map((limit) => ({ value: limit, label: `Top ${limit}` }))}
          />
        </div>
        <div className="themes-layout">
          <KeyPhrases filters={filters} selected={selected} onSelect={setSelected} />
          {selected ? (
            <PhrasePassages
              key={`${selected}|${filters.question}|${filters.group}`}
              phrase={selected}
              filters={filters}
              navigate={navigate}
            />
          ) : (
            <p
              className="themes-passages themes-passages--empty"
              data-testid="themes-passages-hint"
            >
              Choose a phrase to read the passages that use it.
            </p>
          )}
        </div>
      </section>
      <ActionLines />
    </main>
  );
}

/** The key phrases chart: a table, one row per phrase, its count as text beside the bar. */
function KeyPhrases({
  filters,
  selected,
  onSelect,
}: {
  filters: ThemeFilters;
  selected: string | null;
  onSelect: (phrase: string) => void;
}) {
  const [phrases, setPhrases] = useState<ThemePhrase[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setPhrases(null);
    setProblem(null);
    apiRequest("evidenceThemes", {
      query: filterQuery(filters, { limit: filters.limit }),
      signal: controller.signal,
    })
      .then((answer) => setPhrases(answer.phrases))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [filters]);

  if (problem) return <PageError problem={problem} testId="themes-error" />;
  if (!phrases) {
    return (
      <p role="status" data-testid="themes-loading">
        Loading key phrases…
      </p>
    );
  }
  if (phrases.length === 0) {
    return (
      <p data-testid="themes-empty">
        No phrase of two to four words is used by two or more of these submissions.
      </p>
    );
  }
  return (
    <div className="table-card">
      <table className="data-table coverage-table themes-table" data-testid="themes-phrases">
        <caption className="visually-hidden">
          The most common key phrases and how many submissions use each; activate a phrase to list
          its passages
        </caption>
        <TableHead columns={["Phrase", "Submissions using it", "By stakeholder group"]} />
        <tbody>
          {phraseBars(phrases).map((bar, index) => (
            <tr
              key={bar.phrase}
              data-testid={`themes-phrase-${index}`}
              className={bar.phrase === selected ? "is-selected" : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="themes-phrase"
                  aria-expanded={bar.phrase === selected}
                  aria-controls={bar.phrase === selected ? "themes-passages" : undefined}
                  data-testid="themes-phrase-button"
                  onClick={() => onSelect(bar.phrase)}
                >
                  <span dir="auto">{bar.phrase}</span>
                </button>
              </th>
              <td className="themes-bar-cell">
                <span className="coverage-bar themes-bar" aria-hidden="true">
                  <span className="coverage-bar__fill" style={{ width: `${bar.percent}%` }} />
                </span>
                <span className="themes-count" data-testid="themes-phrase-count">
                  {formatNumber(bar.submissions)}
                </span>
              </td>
              <td className="themes-groups">{bar.byGroup}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The passages that use a phrase, the phrase marked, each with a link to its source. */
function PhrasePassages({
  phrase,
  filters,
  navigate,
}: {
  phrase: string;
  filters: ThemeFilters;
  navigate: (path: string) => void;
}) {
  const reportId = useReportId();
  const [passages, setPassages] = useState<ThemePassage[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("evidenceThemePassages", {
      query: filterQuery(filters, { phrase }),
      signal: controller.signal,
    })
      .then((answer) => setPassages(answer.passages))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [phrase, filters]);

  // The list replaces nothing on screen: take keyboard users to it.
  useEffect(() => heading.current?.focus(), []);

  const sources = new Set(passages?.map((passage) => passage.sourceId)).size;
  return (
    <section
      id="themes-passages"
      className="themes-passages"
      aria-labelledby="themes-passages-title"
      data-testid="themes-passages"
    >
      <h3
        id="themes-passages-title"
        className="coverage-sections__title"
        tabIndex={-1}
        ref={heading}
      >
        Passages using “<span dir="auto">{phrase}</span>”
      </h3>
      <PageError problem={problem} testId="themes-passages-error" />
      {!passages && !problem && <p role="status">Loading passages…</p>}
      {passages && (
        <>
          <p role="status" data-testid="themes-passages-total">
            {formatNumber(passages.length)} {passages.length === 1 ? "passage" : "passages"} in{" "}
            {formatNumber(sources)} {sources === 1 ? "submission" : "submissions"}
            {passages.length > PASSAGES_SHOWN ? `; the first ${PASSAGES_SHOWN} are listed` : ""}.
          </p>
          <ol className="evidence-results">
            {passages.slice(0, PASSAGES_SHOWN).map((passage) => (
              <li
                key={`${passage.sourceId}-${passage.field}-${passage.start}`}
                className="evidence-hit"
                data-testid="themes-passage"
              >
                <InAppLink
                  path={evidenceSourcePath(reportId, passage.sourceId)}
                  className="evidence-hit__title"
                  active={false}
                  testId="themes-passage-link"
                  onOpen={() => navigate(evidenceSourcePath(reportId, passage.sourceId))}
                >
                  {passage.title}
                </InAppLink>
                <div className="evidence-hit__facts">
                  {[
                    questionLabel(passage.field),
                    passage.group ? STAKEHOLDER_GROUP_LABELS[passage.group] : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
                <p className="evidence-hit__excerpt" dir="auto">
                  {passage.before}
                  <mark>{passage.quote}</mark>
                  {passage.after}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The Action Lines chart and the keyword rules behind it. */
function ActionLines() {
  const [lines, setLines] = useState<ActionLineCount[] | null>(null);
  const [rules, setRules] = useState<ApiAnswers["actionLineRules"] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    // `generation` changes when the rules are saved: the counts are read again.
    void generation;
    Promise.all([
      apiRequest("evidenceActionLines", { signal }),
      apiRequest("actionLineRules", { signal }),
    ])
      .then(([counts, answer]) => {
        setLines(counts.lines);
        setRules((current) => current ?? answer);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (!signal.aborted) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [generation]);

  return (
    <section className="coverage-section" aria-labelledby="themes-lines-title">
      <h2 id="themes-lines-title" className="coverage-section__title">
        WSIS Action Lines
      </h2>
      <PageError problem={problem} testId="themes-lines-error" />
      {!lines && !problem && (
        <p role="status" data-testid="themes-lines-loading">
          Loading Action Lines…
        </p>
      )}
      {lines && <ActionLinesChart lines={lines} />}
      {rules && (
        <KeywordRules
          answer={rules}
          onSaved={(answer) => {
            setRules(answer);
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </section>
  );
}

function ActionLinesChart({ lines }: { lines: ActionLineCount[] }) {
  const chart = actionLineChart(lines);
  const fewer = `fewer than ${formatNumber(chart.threshold)} ${chart.threshold === 1 ? "submission" : "submissions"}`;
  return (
    <>
      <p className="coverage-summary" data-testid="themes-under-covered">
        {chart.underCovered.length === 0
          ? `No Action Line is under-covered (${fewer}, a quarter of the most-addressed line).`
          : `Under-covered: ${fewer} (a quarter of the most-addressed line): ${chart.underCovered.join(", ")}.`}
      </p>
      <div className="table-card">
        <table className="data-table coverage-table themes-table" data-testid="themes-lines">
          <caption className="visually-hidden">
            Submissions addressing each WSIS Action Line, from codes, metadata and keyword rules
          </caption>
          <TableHead columns={["Action Line", "Submissions addressing it", "From"]} />
          <tbody>
            {chart.bars.map((bar) => (
              <tr
                key={bar.id}
                data-testid={`themes-line-${bar.id}`}
                className={bar.underCovered ? "is-under-covered" : undefined}
              >
                <th scope="row">
                  <span className="themes-line__id">{bar.id}</span> {bar.title}
                </th>
                <td className="themes-bar-cell">
                  <span className="coverage-bar themes-bar" aria-hidden="true">
                    <span
                      className={`coverage-bar__fill${bar.underCovered ? " themes-bar__fill--under" : ""}`}
                      style={{ width: `${bar.percent}%` }}
                    />
                  </span>
                  <span className="themes-count" data-testid={`themes-line-count-${bar.id}`}>
                    {formatNumber(bar.submissions)}
                  </span>
                  {bar.underCovered && (
                    <span className="themes-under" data-testid={`themes-line-under-${bar.id}`}>
                      Under-covered
                    </span>
                  )}
                </td>
                <td className="themes-groups">{bar.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The keywords of each Action Line: a form for those the server lets change them (`mayEdit`),
 * a list for the others. A refusal is shown as the server words it.
 */
function KeywordRules({
  answer,
  onSaved,
}: {
  answer: ApiAnswers["actionLineRules"];
  onSaved: (answer: ApiAnswers["updateActionLineRules"]) => void;
}) {
  const ids = Object.keys(answer.rules);
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(ids.map((id) => [id, (answer.rules[id] ?? []).join(", ")])),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const errorId = useId();

  if (!answer.mayEdit) {
    return (
      <div className="themes-rules" data-testid="themes-rules-readonly">
        <h3 className="coverage-sections__title">Keyword rules</h3>
        <p>
          A submission whose answers use one of a line's keywords addresses it. Editors keep them.
        </p>
        <dl className="themes-rules__list">
          {ids.map((id) => (
            <div key={id}>
              <dt>{id}</dt>
              <dd data-testid={`themes-rule-${id}`}>
                {(answer.rules[id] ?? []).length > 0 ? answer.rules[id]!.join(", ") : "No keywords"}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    const rules = Object.fromEntries(ids.map((id) => [id, keywordsOf(drafts[id] ?? "")]));
    apiRequest("updateActionLineRules", { body: { rules } })
      .then((updated) => {
        setDrafts(Object.fromEntries(ids.map((id) => [id, (updated.rules[id] ?? []).join(", ")])));
        setSaved(true);
        onSaved(updated);
      })
      .catch((error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="themes-rules"
      onSubmit={submit}
      aria-labelledby="themes-rules-title"
      aria-describedby={problem ? errorId : undefined}
      data-testid="themes-rules-form"
    >
      <h3 id="themes-rules-title" className="coverage-sections__title">
        Keyword rules
      </h3>
      <p>
        A submission whose answers use one of a line's keywords addresses it (case and accents
        ignored). Separate keywords with commas.
      </p>
      <div className="themes-rules__fields">
        {ids.map((id) => (
          <TextField
            key={id}
            label={`${id} keywords`}
            value={drafts[id] ?? ""}
            onText={(text) => {
              setDrafts((current) => ({ ...current, [id]: text }));
              setSaved(false);
            }}
            maxLength={4000}
            data-testid={`themes-rule-input-${id}`}
          />
        ))}
      </div>
      <FieldError problem={problem} id={errorId} testId="themes-rules-error" />
      {saved && (
        <p role="status" data-testid="themes-rules-saved">
          Keyword rules saved; the counts above are up to date.
        </p>
      )}
      <FormActions
        submitLabel="Save keyword rules"
        busy={busy}
        submitTestId="themes-rules-save"
        className="dialog-actions themes-rules__actions"
      />
    </form>
  );
}
