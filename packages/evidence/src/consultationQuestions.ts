import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { QUESTION_IDS, type QuestionId } from "./source";

/** One consultation question: its id (q1..q8) and its text. */
export interface ConsultationQuestion {
  id: QuestionId;
  text: string;
}

/** Path of the questions shipped in `content/`. */
export const QUESTIONS_PATH = fileURLToPath(
  new URL("../../../content/questions.yaml", import.meta.url),
);

const questionsFile = z.object({
  questions: z
    .array(z.object({ id: z.enum(QUESTION_IDS), text: z.string().min(1) }).strict())
    .length(QUESTION_IDS.length),
});

let cached: ConsultationQuestion[] | undefined;

/** The eight questions of the consultation (content/questions.yaml), read once. */
export function consultationQuestions(): ConsultationQuestion[] {
  cached ??= questionsFile.parse(parse(readFileSync(QUESTIONS_PATH, "utf8"))).questions;
  return cached;
}
