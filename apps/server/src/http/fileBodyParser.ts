import express, { type RequestHandler } from "express";
import { fileTooLarge } from "./importUpload";

/** Room for the JSON around the base64 of a file (its name, the keys). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The JSON body parser of routes that upload a file as base64 (`body: "file"` in the route
 * table): large enough for a file of `maxFileBytes` once encoded, and a body beyond that is
 * refused with 413 `file_too_large`, naming the limit.
 */
export function fileBodyParser(maxFileBytes: number): RequestHandler {
  const parse = express.json({ limit: Math.ceil(maxFileBytes / 3) * 4 + ENVELOPE_BYTES });
  return (request, response, next) => {
    parse(request, response, (error?: unknown) => {
      if ((error as { type?: unknown } | undefined)?.type === "entity.too.large") {
        next(fileTooLarge(maxFileBytes));
        return;
      }
      next(error);
    });
  };
}
