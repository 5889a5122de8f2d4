export {
  AccountError,
  AccountStore,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type User,
} from "./AccountStore";
export { AUDIT_ACTIONS, type AuditAction, type AuditEntry, AuditLog } from "./AuditLog";
export { FIRST_REPORT_ID } from "./firstReport";
export { LoginThrottle, type LoginThrottleOptions } from "./LoginThrottle";
export { hashPassword, verifyPassword } from "./password";
export * from "./presence";
export {
  ReportDirectory,
  type ReportMembership,
  ReportMembershipError,
  type ReportRecord,
} from "./ReportDirectory";
export { isRole, ROLES, type Role } from "./roles";
