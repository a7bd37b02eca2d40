// Re-exported so the root schema does not depend on where the escalation core keeps its schema.
export { escalationPolicySchema } from './domain/policy-schema.ts';
