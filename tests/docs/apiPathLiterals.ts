import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/** A hand-written `/api/...` path in a string or template literal of the web app. */
export interface ApiPathLiteral {
  file: string;
  line: number;
  text: string;
}

const API_PATH = /(^|[^\w.])\/api\//;

/**
 * The `/api/` paths written in the string, template and JSX-attribute literals of one TypeScript
 * or TSX source (comments are not literals, so doc comments may name routes).
 */
export function apiPathLiteralsIn(file: string, source: string): ApiPathLiteral[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ApiPathLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) &&
      API_PATH.test(node.text)
    ) {
      const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree));
      found.push({ file, line: line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/**
 * Every `/api/` path literal in the `.ts`/`.tsx` source files below `dir` (paths relative to
 * `root`); unit tests are left out, since they state the URLs the app must produce.
 */
export function apiPathLiterals(root: string, dir: string): ApiPathLiteral[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .flatMap((name) => {
      const path = join(root, dir, name);
      return apiPathLiteralsIn(
        relative(root, path).split(sep).join("/"),
        readFileSync(path, "utf8"),
      );
    });
}
