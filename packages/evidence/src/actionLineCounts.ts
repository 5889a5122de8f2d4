import type { ActionLineRules } from "./ActionLineStore";
import { actionLineTitles } from "./actionLineTitles";
import { foldWord } from "./keyPhrases";
import { phrasePattern } from "./phrasePattern";
import { type ActionLineCount, QUESTION_IDS, type SubmissionAnswers } from "./source";

/** A folded, word-bounded matcher of a keyword or phrase (any spacing between its words). */
export function phraseMatcher(phrase: string): RegExp | null {
  return phrasePattern(phrase.match(/[\p{L}\p{N}]+/gu)?.map(foldWord) ?? [], "u");
}

/**
 * Submissions per WSIS Action Line, C1..C11 in order: from the codebook (`coded`: source ids per
 * Action Line), from the submission's own Action Lines (its metadata, set at import) and from the
 * editors' keyword rules matched in the answers (folded).
 */
export function actionLineCounts(
  submissions: readonly SubmissionAnswers[],
  coded: Record<string, ReadonlySet<number>>,
  rules: ActionLineRules,
): ActionLineCount[] {
  const submissionIds = new Set(submissions.map((submission) => submission.id));
  const folded = submissions.map((submission) => ({
    id: submission.id,
    text: foldWord(QUESTION_IDS.map((id) => submission.answers[id] ?? "").join("\n")),
  }));
  return actionLineTitles().map(({ id, title }) => {
    const fromCodes = new Set([...(coded[id] ?? [])].filter((source) => submissionIds.has(source)));
    const fromMetadata = new Set(
      submissions
        .filter((submission) => submission.actionLines?.includes(id))
        .map((submission) => submission.id),
    );
    const matchers = (rules[id] ?? []).flatMap((keyword) => phraseMatcher(keyword) ?? []);
    const fromRules = new Set(
      folded
        .filter((submission) => matchers.some((matcher) => matcher.test(submission.text)))
        .map((submission) => submission.id),
    );
    return {
      id,
      title,
      submissions: new Set([...fromCodes, ...fromMetadata, ...fromRules]).size,
      fromCodes: fromCodes.size,
      fromMetadata: fromMetadata.size,
      fromRules: fromRules.size,
    };
  });
}
