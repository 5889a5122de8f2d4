import type * as Y from "yjs";
import { FRAGMENT_NAME } from "./fragmentName";
import { SchemaWalk } from "./SchemaWalk";
import { schema } from "./schema";
import type { SchemaCheck } from "./schemaCheck";

/**
 * Whether a section's fragment, all of it, fits the report schema (the rules of
 * {@link SchemaRule}): returns the first violation found. Order and number of children (an empty
 * list item, say) are not checked: two valid concurrent edits can merge into them, and readers
 * tolerate them.
 */
export function checkFragment(fragment: Y.XmlFragment): SchemaCheck {
  const walk = new SchemaWalk(1);
  walk.container(fragment, schema.topNodeType, 0, FRAGMENT_NAME, () => true);
  const [violation] = walk.found;
  if (!violation) return { ok: true };
  return { ok: false, rule: violation.rule, path: violation.path, message: violation.message };
}
