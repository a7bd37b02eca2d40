// Re-exported so the root schema does not depend on where the escalation core keeps its schema.
export { escalationPolicySchema } from '../../escalation/policy-schema.ts';
