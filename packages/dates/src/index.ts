export { unDate } from "./unDate";
