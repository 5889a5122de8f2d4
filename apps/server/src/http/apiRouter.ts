import { findSection, type Outline } from "@rapporteur/outline";
import { Router } from "express";
import { reportView, sectionView } from "../report/reportView";
import type { WordCounts } from "../report/WordCounts";
import type { EventStreams } from "./EventStreams";
import { notFound } from "./errors";

/** What the API routes read. */
export interface ApiDependencies {
  outline: Outline;
  counts: WordCounts;
  events: EventStreams;
}

/**
 * The JSON API under `/api`:
 * - `GET /api/health` -> `{ ok: true }`
 * - `GET /api/report` -> the outline with each section's server-side word counts and totals
 * - `GET /api/sections/:id` -> one section (404 `section_not_found` for an id not in the outline)
 * - `GET /api/events` -> Server-Sent Events: `wordcount` `{ sectionId, words, footnoteWords }`
 */
export function apiRouter({ outline, counts, events }: ApiDependencies): Router {
  const router = Router();
  router.get("/health", (_request, response) => {
    response.json({ ok: true });
  });
  router.get("/report", (_request, response) => {
    response.json(reportView(outline, counts));
  });
  router.get("/sections/:id", (request, response) => {
    const section = findSection(outline, request.params.id);
    if (!section) {
      throw notFound(
        "section_not_found",
        `There is no section '${request.params.id}' in the outline`,
      );
    }
    response.json(sectionView(section, counts));
  });
  router.get("/events", (_request, response) => {
    events.open(response);
  });
  return router;
}
