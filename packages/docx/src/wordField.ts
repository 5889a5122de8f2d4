import { BuilderElement, XmlAttributeComponent, XmlComponent } from "docx";

class PreserveSpace extends XmlAttributeComponent<{ space: "preserve" }> {
  protected override readonly xmlKeys = { space: "xml:space" };
}

class InstructionText extends XmlComponent {
  constructor(instruction: string) {
    super("w:instrText");
    this.root.push(new PreserveSpace({ space: "preserve" }), instruction);
  }
}

/** `w:fldChar` of a complex field; `dirty` asks Word to recompute the field when it opens. */
export function fieldChar(type: "begin" | "separate" | "end", dirty = false): XmlComponent {
  return new BuilderElement<{ type: string; dirty?: boolean }>({
    name: "w:fldChar",
    attributes: {
      type: { key: "w:fldCharType", value: type },
      ...(dirty ? { dirty: { key: "w:dirty", value: true } } : {}),
    },
  });
}

/** `w:instrText` holding a field instruction such as `TOC \o "1-2" \h`. */
export function fieldInstruction(instruction: string): XmlComponent {
  return new InstructionText(instruction);
}
