import { afterAll, describe, expect, it } from "vitest";
import { ImportConverter } from "./ImportConverter";

const text = (value: string) => new TextEncoder().encode(value);
// micromark's emphasis matching is roughly quadratic on this: minutes at this size.
const hostile = `${"*".repeat(50_000)}a${"*".repeat(50_000)}`;

describe("ImportConverter", () => {
  const converter = new ImportConverter({ timeoutMs: 1_500, maxWorkers: 1 });
  afterAll(() => converter.close());

  it("converts Markdown in a worker thread", async () => {
    const result = await converter.convert("markdown", text("# Title\n\nSome **bold** text.\n"));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(JSON.stringify(result)).toContain('"text":"bold"');
  });

  it("stops a conversion past the deadline with import_too_complex, then converts again", async () => {
    const result = await converter.convert("markdown", text(hostile));
    expect(result).toMatchObject({ ok: false, id: "import_too_complex" });
    expect(result.ok ? "" : result.message).toMatch(/longer than 1\.5 s .* too complex to import/);
    const next = await converter.convert("markdown", text("Fine again."));
    expect(next).toMatchObject({ ok: true });
  });

  it("refuses unsafe Markdown and junk Word files with their ids", async () => {
    expect(await converter.convert("markdown", text("<script>x</script>"))).toMatchObject({
      ok: false,
      id: "unsafe_markdown",
    });
    expect(await converter.convert("docx", text("not a zip"))).toMatchObject({
      ok: false,
      id: "not_a_docx",
    });
  });
});
