import { MAX_EMBLEM_BYTES } from "@rapporteur/api";

/** An emblem image checked by {@link emblemImage}. */
export interface EmblemImage {
  type: "png" | "jpg";
  data: Uint8Array;
  width: number;
  height: number;
}

/** Why an emblem file was refused: the message is for people. */
export class EmblemImageError extends Error {
  override name = "EmblemImageError";
}

/**
 * Checks an uploaded emblem: a PNG or JPEG file (by its content, not its name) of at most
 * {@link MAX_EMBLEM_BYTES}, between 16 and 4000 pixels a side. Throws {@link EmblemImageError}.
 */
export function emblemImage(data: Uint8Array): EmblemImage {
  if (data.byteLength > MAX_EMBLEM_BYTES) {
    throw new EmblemImageError(
      `The emblem is ${Math.ceil(data.byteLength / 1024)} KB; the largest accepted is ${MAX_EMBLEM_BYTES / 1024} KB`,
    );
  }
  const size = pngSize(data) ?? jpegSize(data);
  if (!size) throw new EmblemImageError("The emblem must be a PNG or JPEG image");
  const { width, height } = size;
  if (Math.min(width, height) < 16 || Math.max(width, height) > 4000) {
    throw new EmblemImageError(
      `The emblem is ${width}×${height} pixels; it must be 16 to 4000 pixels a side`,
    );
  }
  return { ...size, data };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(data: Uint8Array): Omit<EmblemImage, "data"> | null {
  if (data.byteLength < 24 || PNG_SIGNATURE.some((b, i) => data[i] !== b)) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The first chunk is IHDR: width and height, big-endian.
  if (String.fromCharCode(...data.subarray(12, 16)) !== "IHDR") return null;
  return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(data: Uint8Array): Omit<EmblemImage, "data"> | null {
  if (data[0] !== 0xff || data[1] !== 0xd8) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 2;
  while (at + 9 < data.byteLength) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] as number;
    const length = view.getUint16(at + 2);
    // Start-of-frame markers (baseline, progressive, ...) carry the size; C4, C8, CC do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { type: "jpg", height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}
