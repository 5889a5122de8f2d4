import { MAX_EMBLEM_BYTES } from "@rapporteur/api";
import { documentSettingsChangeSchema, EmblemImageError, emblemImage } from "@rapporteur/report";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { HttpError, notFound, payloadTooLarge } from "../errors";
import { decodeBase64Upload } from "../importUpload";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";

const emblemBody = z.object({ contentBase64: z.string() }).strict();

/**
 * Handlers of the document settings: `GET /api/report/settings` (everyone signed in), for
 * editors `PUT /api/report/settings` (any subset of the fields, validated: 400 `invalid_body`),
 * `PUT /api/report/settings/emblem` ({ contentBase64 } of a PNG or JPEG: 413 `emblem_too_large`,
 * 422 `invalid_emblem`) and `DELETE /api/report/settings/emblem`; `GET .../emblem` serves the
 * image. Every change is audited (`document_settings_changed`) and pushed to everyone as the
 * `settings` event; the next export prints it.
 */
export function documentSettingsHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  "documentSettings" | "updateDocumentSettings" | "emblem" | "uploadEmblem" | "deleteEmblem"
> {
  const { documentSettings: store, audit } = deps;
  return {
    documentSettings(_request, response) {
      response.json(store.view());
    },

    updateDocumentSettings(request, response) {
      const { user } = requestAuth(request);
      const change = parseInput(documentSettingsChangeSchema, request.body, "body");
      const before = store.view().settings;
      const after = store.update(change, user.username);
      const from: Record<string, unknown> = {};
      for (const key of Object.keys(change) as (keyof typeof change)[]) from[key] = before[key];
      audit.record({
        actor: user.username,
        action: "document_settings_changed",
        target: "report",
        detail: { from, to: change },
        ip: request.ip ?? null,
      });
      response.json(after);
    },

    emblem(_request, response) {
      const image = store.emblem();
      if (!image) throw notFound("no_emblem", "No emblem has been uploaded");
      response.setHeader("Content-Type", image.type === "png" ? "image/png" : "image/jpeg");
      response.setHeader("Cache-Control", "no-store");
      response.end(Buffer.from(image.data));
    },

    uploadEmblem(request, response) {
      const { user } = requestAuth(request);
      const { contentBase64 } = parseInput(emblemBody, request.body, "body");
      const bytes = decodeBase64Upload(contentBase64, deps.maxBodyBytes);
      if (bytes.byteLength > MAX_EMBLEM_BYTES) {
        throw payloadTooLarge(
          "emblem_too_large",
          `The emblem is ${Math.ceil(bytes.byteLength / 1024)} KB; the largest accepted is ${MAX_EMBLEM_BYTES / 1024} KB`,
        );
      }
      let image: ReturnType<typeof emblemImage>;
      try {
        image = emblemImage(bytes);
      } catch (error) {
        if (error instanceof EmblemImageError) {
          throw new HttpError(422, "invalid_emblem", error.message);
        }
        throw error;
      }
      const view = store.setEmblem(image, user.username);
      audit.record({
        actor: user.username,
        action: "document_settings_changed",
        target: "emblem",
        detail: { type: image.type, width: image.width, height: image.height },
        ip: request.ip ?? null,
      });
      response.json(view);
    },

    deleteEmblem(request, response) {
      const { user } = requestAuth(request);
      const view = store.setEmblem(null, user.username);
      audit.record({
        actor: user.username,
        action: "document_settings_changed",
        target: "emblem",
        detail: { removed: true },
        ip: request.ip ?? null,
      });
      response.json(view);
    },
  };
}
