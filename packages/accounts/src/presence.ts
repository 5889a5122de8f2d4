// Entry point for the web app: the presence rule without the database code of the package.
export {
  colourForName,
  PRESENCE_COLOURS,
  type PresenceUser,
  presenceOf,
} from "./presenceColour";
