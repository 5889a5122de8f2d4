import type { DocumentSettings } from "@rapporteur/api";
import type { DocumentSettingsStore } from "./DocumentSettingsStore";
import { type EmblemImage, emblemImage } from "./emblemImage";

/** An emblem as a named version keeps it (JSON). */
export interface CapturedEmblem {
  type: EmblemImage["type"];
  base64: string;
}

/**
 * The document settings in force and the emblem, as a named version keeps them next to the
 * budget settings (`settings.document`, `settings.emblem`: null when there is no emblem).
 */
export function captureDocumentSettings(store: DocumentSettingsStore): {
  document: DocumentSettings;
  emblem: CapturedEmblem | null;
} {
  const emblem = store.emblem();
  return {
    document: store.view().settings,
    emblem: emblem && { type: emblem.type, base64: Buffer.from(emblem.data).toString("base64") },
  };
}

/**
 * The emblem a version's settings captured (null: it had none), or undefined when they hold
 * none (a version made before versions kept it) or one that no longer passes the checks.
 */
export function capturedEmblem(settings: unknown): EmblemImage | null | undefined {
  const emblem = (settings as { emblem?: CapturedEmblem | null } | null)?.emblem;
  if (emblem === undefined) return undefined;
  if (emblem === null) return null;
  try {
    return emblemImage(new Uint8Array(Buffer.from(String(emblem.base64), "base64")));
  } catch {
    return undefined;
  }
}
