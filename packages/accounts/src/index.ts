export { AccountError, AccountStore, type User } from "./AccountStore";
export { type AuditAction, type AuditEntry, AuditLog } from "./AuditLog";
export { LoginThrottle, type LoginThrottleOptions } from "./LoginThrottle";
export { hashPassword, verifyPassword } from "./password";
export { isRole, ROLES, type Role } from "./roles";
