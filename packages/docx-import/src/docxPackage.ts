import type { Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { DocxImportError } from "./docxImportError";
import { parseXml } from "./parseXml";

/** Limits on what is inflated from a package; see {@link DEFAULT_DOCX_LIMITS}. */
export interface DocxLimits {
  /** Uncompressed bytes read from the package, all parts together. */
  maxUncompressedBytes: number;
  /** Uncompressed bytes of one part. */
  maxPartBytes: number;
  /** Files in the ZIP package. */
  maxEntries: number;
  /**
   * Largest uncompressed:compressed ratio declared by a part bigger than `ratioFloorBytes` (real
   * Word XML compresses about 10:1). As no part may inflate past its declared size, this also
   * bounds the actual ratio.
   */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/** Default limits: generous for a real report (its document.xml is a few MiB at most). */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxUncompressedBytes: 50 * MiB,
  maxPartBytes: 20 * MiB,
  maxEntries: 2000,
  maxRatio: 100,
  ratioFloorBytes: 2 * MiB,
};

/** Sizes JSZip reads from the central directory (private `_data` of a loaded entry). */
interface DeclaredSizes {
  compressedSize?: number;
  uncompressedSize?: number;
}

/** JSZip's internal stream (documented, but missing from its type declarations). */
interface InflateStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: "end", listener: () => void): InflateStream;
  on(event: "error", listener: (error: Error) => void): InflateStream;
  resume(): InflateStream;
  pause(): InflateStream;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];
const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * A Word package (a ZIP file) opened for reading, with every part inflated under the limits: the
 * declared sizes are checked before inflating and the actual bytes counted while inflating, so a
 * zip bomb is stopped after at most one inflated chunk past a limit.
 */
export class DocxPackage {
  private used = 0;

  private constructor(
    private readonly zip: JSZip,
    private readonly limits: DocxLimits,
  ) {}

  /** Opens `data` as a ZIP package; throws {@link DocxImportError} if it is not one. */
  static async open(data: Uint8Array, limits: DocxLimits): Promise<DocxPackage> {
    if (data.length === 0) {
      throw new DocxImportError("empty_file", "The file is empty: there is nothing to import.");
    }
    if (startsWith(data, OLE_COMPOUND, 0)) {
      throw new DocxImportError(
        "not_a_docx",
        "This is not a .docx file: it looks like an old Word .doc file or a password-protected document. Save it from Word as .docx (without a password) and import that.",
      );
    }
    const isZip = startsWith(data, ZIP_LOCAL_HEADER, 0) || startsWith(data, ZIP_END, 0);
    if (!isZip) {
      throw new DocxImportError(
        "not_a_docx",
        "This is not a Word .docx file (a .docx is a ZIP package, and this file is not one).",
      );
    }
    const end = findEndOfCentralDirectory(data);
    if (end < 0) {
      throw new DocxImportError(
        "truncated",
        "The Word file is incomplete: the end of the file is missing (was the upload or download interrupted?).",
      );
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const entries = view.getUint16(end + 10, true);
    const directorySize = view.getUint32(end + 12, true);
    const directoryOffset = view.getUint32(end + 16, true);
    if (entries !== 0xffff && entries > limits.maxEntries) {
      throw tooManyEntries(entries, limits);
    }
    if (directoryOffset !== 0xffffffff && directoryOffset + directorySize > end) {
      throw new DocxImportError(
        "truncated",
        "The Word file is incomplete: part of its content is missing (was the upload or download interrupted?).",
      );
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data, { checkCRC32: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/end of data|missing \d+ bytes/i.test(message)) {
        throw new DocxImportError(
          "truncated",
          "The Word file is incomplete: part of its content is missing (was the upload or download interrupted?).",
        );
      }
      throw new DocxImportError(
        "not_a_docx",
        `The Word file is damaged and cannot be opened (${message.slice(0, 200)}).`,
      );
    }
    const count = Object.keys(zip.files).length;
    if (count > limits.maxEntries) throw tooManyEntries(count, limits);
    return new DocxPackage(zip, limits);
  }

  /** Whether the package holds a file at `path`. */
  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** Paths of the files in the package. */
  paths(): string[] {
    return Object.keys(this.zip.files).filter((path) => !this.zip.files[path]?.dir);
  }

  /** The part at `path` parsed as XML, or `undefined` if there is no such part. */
  async xml(path: string): Promise<Element | undefined> {
    const bytes = await this.bytes(path);
    return bytes ? parseXml(bytes, path) : undefined;
  }

  /** The uncompressed bytes of the part at `path`, inflated under the limits. */
  async bytes(path: string): Promise<Uint8Array | undefined> {
    const entry = this.zip.file(path);
    if (!entry) return undefined;
    const { maxPartBytes, maxUncompressedBytes, maxRatio, ratioFloorBytes } = this.limits;
    const sizes = (entry as unknown as { _data?: DeclaredSizes })._data ?? {};
    const declared = sizes.uncompressedSize ?? Number.POSITIVE_INFINITY;
    const compressed = Math.max(1, sizes.compressedSize ?? 1);
    const partLimit = Math.min(maxPartBytes, maxUncompressedBytes - this.used);
    if (declared > ratioFloorBytes && declared / compressed > maxRatio) {
      throw zipBomb(path, `${format(declared)} packed into ${format(compressed)}`);
    }
    if (declared > partLimit) throw tooLarge(path, declared, this.limits);
    const stream = (
      entry as unknown as { internalStream(type: "uint8array"): InflateStream }
    ).internalStream("uint8array");
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let settled = false;
      const fail = (error: DocxImportError) => {
        if (settled) return;
        settled = true;
        stream.pause();
        chunks.length = 0;
        reject(error);
      };
      stream.on("data", (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (size > declared) {
          fail(zipBomb(path, `it declares ${format(declared)} but inflates to more`));
        } else if (size > partLimit) {
          fail(tooLarge(path, size, this.limits));
        } else {
          chunks.push(chunk);
        }
      });
      stream.on("error", (error) =>
        fail(
          new DocxImportError(
            "not_a_docx",
            `The Word file is damaged: its part ${path} cannot be decompressed (${error.message.slice(0, 200)}).`,
          ),
        ),
      );
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        resolve(concat(chunks, size));
      });
      stream.resume();
    });
    this.used += bytes.length;
    return bytes;
  }
}

function startsWith(data: Uint8Array, signature: number[], at: number): boolean {
  return signature.every((byte, i) => data[at + i] === byte);
}

/** Offset of the ZIP "end of central directory" record, searched in the last 64 KiB; -1 if none. */
function findEndOfCentralDirectory(data: Uint8Array): number {
  const last = data.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (startsWith(data, ZIP_END, at)) return at;
  }
  return -1;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function format(bytes: number): string {
  if (!Number.isFinite(bytes)) return "an unknown size";
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function tooManyEntries(count: number, limits: DocxLimits): DocxImportError {
  return new DocxImportError(
    "too_large",
    `The Word file was refused: it holds ${count} files, more than the ${limits.maxEntries} allowed.`,
  );
}

function tooLarge(path: string, size: number, limits: DocxLimits): DocxImportError {
  return new DocxImportError(
    "too_large",
    `The Word file was refused: its part ${path} holds ${format(size)} of text, over the limit (${format(limits.maxPartBytes)} per part, ${format(limits.maxUncompressedBytes)} in all).`,
  );
}

function zipBomb(path: string, detail: string): DocxImportError {
  return new DocxImportError(
    "zip_bomb",
    `The Word file was refused: its part ${path} is compressed suspiciously well (${detail}), as a "zip bomb" is.`,
  );
}
