import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocxTemplateError, loadDocxTemplate } from "./index";

describe("the shipped UN Secretariat template", () => {
  it("is A4, Times New Roman 10 pt, with the ECOSOC / CSTD masthead", () => {
    const template = loadDocxTemplate();
    expect(template.page.size).toBe("A4");
    expect(template.font).toMatchObject({ family: "Times New Roman", body: 10 });
    expect(template.masthead).toMatchObject({
      body: "Economic and Social Council",
      commission: "Commission on Science and Technology for Development",
      distribution: "Distr.: General",
      originalLanguage: "English",
    });
  });
});

describe("template validation", () => {
  const dir = mkdtempSync(join(tmpdir(), "docx-template-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const valid = loadDocxTemplate();

  it.each([
    ["an unknown page size", { ...valid, page: { ...valid.page, size: "A3" } }, /page\.size/],
    [
      "a negative margin",
      { ...valid, page: { ...valid.page, margins: { ...valid.page.margins, top: -1 } } },
      /page\.margins\.top/,
    ],
    [
      "a missing masthead line",
      { ...valid, masthead: { ...valid.masthead, body: undefined } },
      /masthead\.body/,
    ],
    ["a misspelt setting", { ...valid, subheading: "numbered" }, /subheading/],
  ])("refuses %s with a message naming the field", (_name, template, message) => {
    const path = write("t.yaml", JSON.stringify(template));
    expect(() => loadDocxTemplate(path)).toThrow(DocxTemplateError);
    expect(() => loadDocxTemplate(path)).toThrow(message);
  });

  it("refuses broken YAML and a missing file", () => {
    expect(() => loadDocxTemplate(write("broken.yaml", "page: ["))).toThrow(/not a readable YAML/);
    expect(() => loadDocxTemplate(join(dir, "absent.yaml"))).toThrow(DocxTemplateError);
  });
});
