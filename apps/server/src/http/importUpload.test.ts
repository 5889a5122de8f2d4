import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { describe, expect, it } from "vitest";
import { convertImport } from "./convertImport";
import { HttpError } from "./errors";
import { importUpload } from "./importUpload";

const MAX = 64 * 1024;
const b64 = (data: string | Uint8Array) => Buffer.from(data).toString("base64");

async function refusal(filename: string, contentBase64: string, max = MAX) {
  const error = await importUpload({ filename, contentBase64 }, max, convertImport).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  const { status, id, message } = error as HttpError;
  return { status, id, message };
}

describe("importUpload", () => {
  it("reads Markdown with headings, lists, emphasis, links and footnotes", async () => {
    const markdown =
      "# Access\n\nSome **bold** [link](https://un.org).[^1]\n\n- one\n- two\n\n[^1]: Note.\n";
    const result = await importUpload(
      { filename: "draft.MD", contentBase64: b64(markdown) },
      MAX,
      convertImport,
    );
    expect(result.format).toBe("markdown");
    expect(result.warnings).toEqual([]);
    const types = result.doc.content?.map((n) => n.type);
    expect(types).toEqual(["heading", "paragraph", "bulletList"]);
    expect(JSON.stringify(result.doc)).toContain('"type":"footnote"');
  });

  it("reads a Word file made by the exporter", async () => {
    const doc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Word draft text" }] }],
    };
    const bytes = await toDocx(
      {
        title: "T",
        symbol: "S/1",
        date: "2025-01-01",
        parts: [{ id: "p", title: "Part" }],
        sections: [{ id: "s", title: "Section", part: "p", doc }],
      },
      loadDocxTemplate(),
    );
    const result = await importUpload(
      { filename: "draft.docx", contentBase64: b64(bytes) },
      1e7,
      convertImport,
    );
    expect(result.format).toBe("docx");
    expect(JSON.stringify(result.doc)).toContain("Word draft text");
  });

  it.each([
    ["an unknown extension", "draft.pdf", b64("x"), 400, "unsupported_file_type"],
    ["no extension", "draft", b64("x"), 400, "unsupported_file_type"],
    ["bad base64", "draft.md", "not base64!", 400, "invalid_base64"],
    ["an empty file", "draft.md", "", 422, "empty_file"],
    [
      "invalid UTF-8",
      "draft.md",
      b64(new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3])),
      422,
      "not_text",
    ],
    ["NUL bytes", "draft.md", b64("text\u0000more"), 422, "not_text"],
    ["a script", "draft.md", b64("Fine\n\n<SCRIPT>alert(1)</script>"), 422, "unsafe_markdown"],
    ["an iframe", "draft.md", b64('<iframe src="https://x">'), 422, "unsafe_markdown"],
    ["binary junk as .docx", "draft.docx", b64("this is not a zip file at all"), 422, "not_a_docx"],
    ["a file above the limit", "draft.md", b64("x".repeat(MAX + 1)), 413, "file_too_large"],
  ])("refuses %s", async (_what, filename, content, status, id) => {
    expect(await refusal(filename, content)).toMatchObject({ status, id });
  });

  it("says where the active HTML is", async () => {
    const { message } = await refusal("a.md", b64("one\ntwo\n<script>x</script>"));
    expect(message).toBe(
      "The file contains active HTML (<script> on line 3): remove it and import again",
    );
  });

  it("drops other raw HTML with a warning instead of refusing the file", async () => {
    const result = await importUpload(
      { filename: "a.md", contentBase64: b64("Text<br>more\n\n<div>block</div>\n") },
      MAX,
      convertImport,
    );
    expect(result.warnings.join(" ")).toMatch(/raw HTML/);
    expect(JSON.stringify(result.doc)).not.toContain("<div>");
  });
});
