import { foldWord, keyPhrases } from "./keyPhrases";
import { phrasePattern } from "./phrasePattern";
import {
  QUESTION_IDS,
  type QuestionId,
  type SubmissionAnswers,
  type ThemePassage,
  type ThemePhrase,
} from "./source";

/** Which answers the themes read: one question or all, one stakeholder group or all. */
export interface ThemeFilters {
  question?: QuestionId | null;
  group?: string | null;
}

function selected(submissions: readonly SubmissionAnswers[], filters: ThemeFilters) {
  const questions = filters.question ? [filters.question] : QUESTION_IDS;
  return submissions
    .filter((submission) => !filters.group || submission.group === filters.group)
    .map((submission) => ({
      submission,
      fields: questions.flatMap((id) => {
        const text = submission.answers[id];
        return text ? [{ id, text }] : [];
      }),
    }))
    .filter((entry) => entry.fields.length > 0);
}

/**
 * The key phrases of the submissions' answers (stop words of every listed language dropped at
 * the edges, since answers mix languages), counted once per submission, with the count by
 * stakeholder group ("unspecified" when not given).
 */
export function submissionThemes(
  submissions: readonly SubmissionAnswers[],
  filters: ThemeFilters,
  limit: number,
): ThemePhrase[] {
  const entries = selected(submissions, filters);
  // Fields joined by a clause break, so no phrase spans two answers.
  const texts = entries.map((entry) => entry.fields.map((field) => field.text).join("\n"));
  return keyPhrases(texts, { limit }).map((found) => {
    const byGroup: Record<string, number> = {};
    for (const index of found.texts) {
      const group = entries[index]?.submission.group ?? "unspecified";
      byGroup[group] = (byGroup[group] ?? 0) + 1;
    }
    return { phrase: found.phrase, submissions: found.texts.length, byGroup };
  });
}

/** The text folded character by character, with where each folded character came from. */
function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldWord(char);
    folded += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** How much of the answer a passage shows on each side of the phrase, in UTF-16 code units. */
const CONTEXT_CHARS = 120;

/** The text before `start`, at most about `CONTEXT_CHARS`, cut at a space when it is cut. */
function contextBefore(text: string, start: number): string {
  if (start <= CONTEXT_CHARS) return text.slice(0, start);
  const cut = text.slice(start - CONTEXT_CHARS, start);
  const space = cut.search(/\s/u);
  return `…${space >= 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut}`;
}

/** The text after `end`, at most about `CONTEXT_CHARS`, cut at a space when it is cut. */
function contextAfter(text: string, end: number): string {
  if (text.length - end <= CONTEXT_CHARS) return text.slice(end);
  const cut = text.slice(end, end + CONTEXT_CHARS);
  const space = cut.search(/\s\S*$/u);
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * Where a phrase is used in the submissions' answers (case and diacritics folded, any spacing or
 * punctuation between its words): one passage per use, with offsets in the answer's text and
 * some of the answer on either side.
 */
export function themePassages(
  submissions: readonly SubmissionAnswers[],
  phrase: string,
  filters: ThemeFilters,
  limit = 500,
): ThemePassage[] {
  const words = phrase.match(/[\p{L}\p{N}]+/gu)?.map(foldWord) ?? [];
  const pattern = phrasePattern(words, "gu");
  if (!pattern) return [];
  const passages: ThemePassage[] = [];
  for (const { submission, fields } of selected(submissions, filters)) {
    for (const field of fields) {
      const { folded, origin } = foldWithOffsets(field.text);
      for (const match of folded.matchAll(pattern)) {
        const start = origin[match.index] ?? 0;
        const end = origin[match.index + match[0].length] ?? field.text.length;
        passages.push({
          sourceId: submission.id,
          title: submission.title,
          group: submission.group,
          field: field.id,
          start,
          end,
          quote: field.text.slice(start, end),
          before: contextBefore(field.text, start),
          after: contextAfter(field.text, end),
        });
        if (passages.length >= limit) return passages;
      }
    }
  }
  return passages;
}
