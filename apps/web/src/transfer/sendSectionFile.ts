import type { ApiAnswers } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";
import { readFileAsBase64 } from "./readFileAsBase64";

/** The routes that take a file for one section as `{ filename, contentBase64 }`. */
export type SectionFileRoute = "importSection" | "importReview";

/** Sends `file` to a section's file route (import, or import as review) and returns its answer. */
export async function sendSectionFile<N extends SectionFileRoute>(
  route: N,
  sectionId: string,
  file: File,
): Promise<ApiAnswers[N]> {
  const contentBase64 = await readFileAsBase64(file);
  return apiRequest(route, {
    params: { id: sectionId },
    body: { filename: file.name, contentBase64 },
  });
}
