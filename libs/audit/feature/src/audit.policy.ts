import type { PolicyTable } from '@council/platform/nest';

/** The audit operations (../shared/API.md): the raw log for auditors and the council; integrity for auditors. */
export const AUDIT_POLICY: PolicyTable = {
  'Query.auditTrail': ['auditor', 'council'],
  'Query.verifyIntegrity': ['auditor'],
  'Mutation.sealLog': ['auditor', 'council'],
};
