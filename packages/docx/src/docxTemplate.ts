import { z } from "zod";

const millimetres = z.number().nonnegative().max(200);
const points = z.number().positive().max(72);
const line = z.string().min(1).max(200);

/** Validates a DOCX template file (see `templates/un-secretariat.yaml`). */
export const docxTemplateSchema = z
  .object({
    page: z.object({
      size: z.enum(["A4", "Letter"]),
      margins: z.object({
        top: millimetres,
        bottom: millimetres,
        left: millimetres,
        right: millimetres,
        header: millimetres,
        footer: millimetres,
      }),
      textIndent: millimetres,
    }),
    font: z.object({
      family: line,
      body: points,
      footnote: points,
      table: points,
      header: points,
      title: points,
      chapter: points,
      section: points,
      subheading: points,
    }),
    subheadings: z.enum(["numbered", "unnumbered"]),
    masthead: z.object({
      organization: line,
      body: line,
      distribution: line,
      originalLanguage: line,
      commission: line,
      session: line,
      place: line.optional(),
      agendaItem: line,
      /** Title of the agenda item, printed in bold under it. */
      agendaTitle: line.optional(),
      /** Symbol of the provisional agenda, the note of the agenda item's asterisk. */
      agendaSymbol: line.optional(),
      byline: line.optional(),
      /** UN Office at Geneva job number printed at the foot of the first page, e.g. GE.25-04321(E). */
      jobNumber: line.optional(),
      /** Prints "Advance unedited version" at the top of the first page. */
      advanceUnedited: z.boolean().optional(),
    }),

    contentsTitle: line,
    reviewMarking: line,
    /** Language of the text (BCP 47, "en-GB"): Word's default `w:lang`, read by screen readers. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
  })
  .strict();

/** Layout and masthead settings for {@link toDocx}. Lengths in millimetres, sizes in points. */
export type DocxTemplate = z.infer<typeof docxTemplateSchema>;

/** The masthead and first-page lines of a template, which report settings may override. */
export type MastheadLines = DocxTemplate["masthead"];

/** Thrown when a template is not valid; the message names every problem found. */
export class DocxTemplateError extends Error {
  override name = "DocxTemplateError";
}

/** Validates an already-parsed template object. Throws {@link DocxTemplateError} when invalid. */
export function parseDocxTemplate(raw: unknown, source = "template"): DocxTemplate {
  const result = docxTemplateSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join(".") || "(root)"}: ${i.message}`,
    );
    throw new DocxTemplateError(`${source}: ${problems.join("; ")}`);
  }
  return result.data;
}
