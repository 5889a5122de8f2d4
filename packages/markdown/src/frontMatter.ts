import { parse } from "yaml";

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** YAML front matter split off a Markdown file. */
export interface FrontMatter {
  /** The parsed front matter; undefined when the file has none. */
  data: Record<string, unknown> | undefined;
  /** Why the front matter could not be read, if it could not. */
  error?: string;
  /** The Markdown after it, with blank lines in its place so that line numbers still match. */
  body: string;
}

/** Splits YAML front matter (`---` ... `---` at the very start) off a Markdown file. */
export function splitFrontMatter(markdown: string): FrontMatter {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { data: undefined, body: markdown };
  const body = "\n".repeat(match[0].split("\n").length - 1) + markdown.slice(match[0].length);
  try {
    const data: unknown = parse(match[1] ?? "");
    if (data === null || data === undefined) return { data: {}, body };
    if (typeof data !== "object" || Array.isArray(data)) {
      return { data: {}, error: "front matter is not a YAML mapping", body };
    }
    return { data: data as Record<string, unknown>, body };
  } catch (error) {
    return { data: {}, error: `front matter is not valid YAML: ${(error as Error).message}`, body };
  }
}
