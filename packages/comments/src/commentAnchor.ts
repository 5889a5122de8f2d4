import { FRAGMENT_NAME } from "@rapporteur/schema";
import * as z from "zod";

const yId = z.strictObject({
  client: z
    .number()
    .int()
    .min(0)
    .max(2 ** 53 - 1),
  clock: z
    .number()
    .int()
    .min(0)
    .max(2 ** 53 - 1),
});

/**
 * A `Y.RelativePosition` as produced by `Y.relativePositionToJSON`. A root type may only be the
 * section's fragment: resolving any other name would create a new root type in the document.
 */
export const relativePositionSchema = z
  .strictObject({
    type: yId.optional(),
    tname: z.literal(FRAGMENT_NAME).optional(),
    item: yId.optional(),
    assoc: z.number().int().min(-1).max(0).optional(),
  })
  .refine((pos) => pos.item !== undefined || pos.type !== undefined || pos.tname !== undefined, {
    message: "A relative position names an item, a type or the fragment",
  });

/** A `Y.RelativePosition` in its JSON form. */
export type RelativePositionJSON = z.infer<typeof relativePositionSchema>;

/** The JSON of a {@link CommentAnchor}, as sent by clients and kept in the database. */
export const commentAnchorSchema = z.strictObject({
  start: relativePositionSchema,
  end: relativePositionSchema,
});

/**
 * Where a thread sits in its section: the start and end of the commented range as Yjs relative
 * positions, so the range follows its words while others edit before, inside and after it.
 */
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;
