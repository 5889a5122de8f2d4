import { SOURCE_KINDS, type SourceSearchResult } from "@rapporteur/api";
import { type FormEvent, type KeyboardEvent, useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { formatNumber } from "../layout/formatNumber";
import { InAppLink } from "../routing/InAppLink";
import { EVIDENCE_PATH, evidenceSourcePath, reportPath } from "../routing/parseRoute";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { EvidenceTabs } from "./EvidenceTabs";
import { EvidenceUpload } from "./EvidenceUpload";
import { Excerpt } from "./Excerpt";
import {
  groupChoices,
  questionChoices,
  SOURCE_KIND_LABELS,
  STAKEHOLDER_GROUP_LABELS,
} from "./evidenceLabels";
import {
  EVIDENCE_PAGE_SIZE,
  type EvidenceSearch,
  queryOfSearch,
  searchFromQuery,
} from "./evidenceSearch";
import "./evidence.css";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";

/** Props of {@link EvidencePage}. */
export interface EvidencePageProps {
  /** The address's query string: the search shown (a reload keeps it). */
  query: string;
  navigate: (path: string, options?: { replace?: boolean }) => void;
}

/**
 * The Evidence page: search the evidence library (words and "quoted phrases", filters), the
 * total and each source's matching passage highlighted; and, for those the server allows, the
 * import of a file.
 */
export function EvidencePage({ query, navigate }: EvidencePageProps) {
  const reportId = useReportId();
  const search = searchFromQuery(query);
  const searchKey = queryOfSearch(search);
  const [result, setResult] = useState<SourceSearchResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // Unknown until the server says (`me`): nothing is offered before.
  const [mayImport, setMayImport] = useState<boolean | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("me", { signal: controller.signal })
      .then((me) => setMayImport(me.mayImportEvidence))
      .catch(() => setMayImport(false));
    return () => controller.abort();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` searches again after an import
  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams(searchKey);
    params.set("limit", String(EVIDENCE_PAGE_SIZE));
    setLoading(true);
    apiRequest("searchEvidence", { query: params, signal: controller.signal })
      .then((answer) => {
        setResult(answer);
        setProblem(null);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(errorMessage(error));
        setLoading(false);
      });
    return () => controller.abort();
  }, [searchKey, generation]);

  return (
    <main className="admin-page evidence-page" id="editor-main" aria-labelledby="evidence-title">
      <header className="admin-page__head">
        <h1 id="evidence-title" className="admin-page__title">
          Evidence
        </h1>
        <p className="admin-page__lead">
          Consultation submissions, contributions, documents and literature, searched in full text.
        </p>
        <EvidenceTabs navigate={navigate} current="search" />
      </header>
      {mayImport && <EvidenceUpload onImported={() => setGeneration((g) => g + 1)} />}
      {mayImport === false && (
        <p className="evidence-read-only" data-testid="evidence-read-only">
          You can search and read the evidence library; editors and drafters import files into it.
        </p>
      )}
      <SearchForm
        key={searchKey}
        initial={search}
        onSearch={(next) =>
          navigate(`${reportPath(reportId, EVIDENCE_PATH)}${queryOfSearch(next)}`)
        }
      />
      <FieldError problem={problem} testId="evidence-search-error" />
      <p className="evidence-total" role="status" data-testid="evidence-total">
        {result
          ? `${formatNumber(result.total)} ${result.total === 1 ? "source" : "sources"}${
              result.total > result.items.length ? ` (the first ${result.items.length} shown)` : ""
            }`
          : loading
            ? "Searching…"
            : ""}
      </p>
      {result && (
        <ResultList result={result} query={searchKey} navigate={navigate} busy={loading} />
      )}
    </main>
  );
}

function SearchForm({
  initial,
  onSearch,
}: {
  initial: EvidenceSearch;
  onSearch: (search: EvidenceSearch) => void;
}) {
  const [search, setSearch] = useState(initial);
  const set = (field: keyof EvidenceSearch) => (value: string) =>
    setSearch((previous) => ({ ...previous, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search);
  };
  return (
    <form className="evidence-search" onSubmit={submit}>
      <div className="evidence-search__query">
        <TextField
          label='Words and "quoted phrases"'
          type="search"
          value={search.q}
          onText={set("q")}
          maxLength={1000}
          data-testid="evidence-q"
        />
        <Button type="submit" variant="primary" data-testid="evidence-search-button">
          Search
        </Button>
      </div>
      <div className="evidence-search__filters">
        <SelectField
          label="Kind"
          value={search.kind}
          onValue={set("kind")}
          data-testid="evidence-kind"
          options={[
            { value: "", label: "All kinds" },
            ...SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind] })),
          ]}
        />
        <SelectField
          label="Question"
          value={search.question}
          onValue={set("question")}
          data-testid="evidence-question"
          options={questionChoices("All questions")}
        />
        <SelectField
          label="Stakeholder group"
          value={search.group}
          onValue={set("group")}
          data-testid="evidence-group"
          options={groupChoices("All groups")}
        />
        <TextField
          label="Region"
          value={search.region}
          onText={set("region")}
          maxLength={200}
          data-testid="evidence-region"
        />
        <TextField
          label="Country"
          value={search.country}
          onText={set("country")}
          maxLength={200}
          data-testid="evidence-country"
        />
      </div>
    </form>
  );
}

/** Arrow keys move between the results' links; Home and End go to the first and last. */
function moveFocus(event: KeyboardEvent<HTMLOListElement>) {
  const links = [
    ...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a.evidence-hit__title"),
  ];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const target =
    event.key === "ArrowDown"
      ? links[Math.min(at + 1, links.length - 1)]
      : event.key === "ArrowUp"
        ? links[Math.max(at - 1, 0)]
        : event.key === "Home"
          ? links[0]
          : event.key === "End"
            ? links[links.length - 1]
            : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

function ResultList({
  result,
  query,
  navigate,
  busy,
}: {
  result: SourceSearchResult;
  query: string;
  navigate: (path: string) => void;
  busy: boolean;
}) {
  const reportId = useReportId();
  if (result.items.length === 0) {
    return <p className="evidence-empty">No source matches this search.</p>;
  }
  return (
    <ol
      className="evidence-results"
      aria-label="Sources found"
      aria-busy={busy}
      onKeyDown={moveFocus}
      data-testid="evidence-results"
    >
      {result.items.map((hit) => {
        const path = `${evidenceSourcePath(reportId, hit.id)}${query}`;
        const facts = [
          SOURCE_KIND_LABELS[hit.kind],
          hit.group ? STAKEHOLDER_GROUP_LABELS[hit.group] : null,
          hit.region,
          hit.country,
        ].filter(Boolean);
        return (
          <li key={hit.id} className="evidence-hit" data-testid="evidence-hit">
            <InAppLink
              path={path}
              className="evidence-hit__title"
              active={false}
              testId="evidence-hit-link"
              onOpen={() => navigate(path)}
            >
              {hit.title || `Source ${hit.id}`}
            </InAppLink>
            <p className="evidence-hit__facts">{facts.join(" · ")}</p>
            <Excerpt html={hit.excerpt} />
          </li>
        );
      })}
    </ol>
  );
}
