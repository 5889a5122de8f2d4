import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, resolve, sep } from "node:path";

/** One import that breaks a rule of docs/ARCHITECTURE.md. */
export interface ImportViolation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT =
  /(?:^|\s)(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]!]));

/** Workspace modules the browser may load: the contract and the pure, storage-free modules. */
const BROWSER_SAFE = new Set([
  "@rapporteur/api",
  "@rapporteur/dates",
  "@rapporteur/html-import",
  "@rapporteur/schema",
  "@rapporteur/wordcount",
  "@rapporteur/accounts/firstReport",
  "@rapporteur/accounts/presence",
  "@rapporteur/accounts/roles",
  "@rapporteur/budget/rules",
  "@rapporteur/comments/thread",
  "@rapporteur/evidence/source",
  "@rapporteur/outline/sectionId",
  "@rapporteur/outline/templateIds",
  "@rapporteur/storage/historyKind",
  "@rapporteur/workflow/rules",
]);

function sourceFiles(dir: string): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

function browserRule(specifier: string, target: string, root: string): string | null {
  if (specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0]!)) {
    return "browser code never imports Node built-ins";
  }
  if (specifier.startsWith(".") && !inside(target, join(root, "apps/web"))) {
    if (inside(target, join(root, "packages/api"))) return null;
    return "browser code imports only its own files and browser-safe packages";
  }
  if (specifier.startsWith("@rapporteur/") && !BROWSER_SAFE.has(specifier)) {
    return "browser code never imports server code or storage (use @rapporteur/api and the */rules modules)";
  }
  if (specifier === "better-sqlite3" || specifier === "ws" || specifier === "express") {
    return "browser code never imports server libraries";
  }
  return null;
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

/**
 * Every import under `root` that breaks the layering of docs/ARCHITECTURE.md: the web app
 * (apps/web/src) and the contract (packages/api/src) never import server code, storage or Node
 * built-ins; packages never import apps.
 */
export function importViolations(root: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const add = (file: string, specifier: string, rule: string) =>
    violations.push({ file: relative(root, file), specifier, rule });
  for (const base of ["apps/web/src", "packages/api/src"]) {
    for (const file of sourceFiles(join(root, base))) {
      for (const specifier of importsOf(file)) {
        const target = resolve(file, "..", specifier);
        const rule = browserRule(specifier, target, root);
        if (rule) add(file, specifier, rule);
      }
    }
  }
  let packages: string[] = [];
  try {
    packages = readdirSync(join(root, "packages"));
  } catch {
    packages = [];
  }
  for (const name of packages) {
    for (const file of sourceFiles(join(root, "packages", name, "src"))) {
      for (const specifier of importsOf(file)) {
        const intoApps =
          /^@rapporteur\/(server|web|cli)(\/|$)/.test(specifier) ||
          (specifier.startsWith(".") && inside(resolve(file, "..", specifier), join(root, "apps")));
        if (intoApps) add(file, specifier, "packages never import apps");
      }
    }
  }
  return violations;
}
