import { wordDraft } from "@rapporteur/docx/testing";
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
    const bytes = await wordDraft("Word draft text");
    const result = await importUpload(
      { filename: "draft.docx", contentBase64: b64(bytes) },
      1e7,
      convertImport,
    );
    expect(result.format).toBe("docx");
    expect(JSON.stringify(result.doc)).toContain("Word draft text");
  });

  it("reads a web page with its footnotes, dropping scripts with a warning", async () => {
    const html = `<html><head><meta charset="utf-8"><script>alert(1)</script></head><body>
      <h1>Access</h1><p>Text.<sup><a href="#fn1" id="r1">1</a></sup></p>
      <ol class="footnotes"><li id="fn1">A note. <a href="#r1">↩</a></li></ol></body></html>`;
    const result = await importUpload(
      { filename: "page.htm", contentBase64: b64(html) },
      MAX,
      convertImport,
    );
    expect(result.format).toBe("html");
    expect(result.doc.content?.map((n) => n.type)).toEqual(["heading", "paragraph"]);
    expect(JSON.stringify(result.doc)).toContain(
      '{"type":"footnote","content":[{"type":"text","text":"A note."}]}',
    );
    expect(result.warnings).toEqual(["active content (<script>) dropped."]);
  });

  it("reads a Word web page saved as windows-1252", async () => {
    const html = Buffer.from(
      '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>',
      "latin1",
    );
    const result = await importUpload(
      { filename: "draft.html", contentBase64: b64(html) },
      MAX,
      convertImport,
    );
    expect(JSON.stringify(result.doc)).toContain("Café “quoted”");
  });

  it("reads plain text, joining the lines of a paragraph", async () => {
    const result = await importUpload(
      { filename: "notes.txt", contentBase64: b64("one line\nwrapped here\n\nsecond") },
      MAX,
      convertImport,
    );
    expect(result.format).toBe("text");
    expect(result.doc.content?.map((n) => n.content?.[0]?.text)).toEqual([
      "one line wrapped here",
      "second",
    ]);
  });

  it("refuses HTML nested too deeply to read with 422 too_deep", async () => {
    const deep = `${"<span>".repeat(50_000)}x`;
    const { status, id } = await refusal("deep.html", b64(deep), 1e7);
    expect([status, id]).toEqual([422, "too_deep"]);
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
