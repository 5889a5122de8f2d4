import { stringify } from "yaml";
import type { Outline } from "./outlineSchema";

/** The outline as YAML in the form of content/outline.yaml (what `parseOutline` reads back). */
export function outlineToYaml(outline: Outline): string {
  const plain = {
    report: outline.report,
    parts: outline.parts.map((p) => ({
      id: p.id,
      title: p.title,
      ...(p.frontMatter ? { frontMatter: true } : {}),
    })),
    sections: outline.sections.map((s) => ({
      id: s.id,
      part: s.part,
      title: s.title,
      budget: s.budget,
      guidance: s.guidance,
    })),
  };
  return `# The report's outline, exported by 'rapporteur outline export'.\n${stringify(plain, { lineWidth: 100 })}`;
}
