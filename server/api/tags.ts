/** The tags the API's operations are grouped by in the OpenAPI document; a route declares one (route.ts). */
export const API_TAGS = {
  service: 'Health, readiness, sign-in and this document.',
  me: 'The calling user.',
  catalogue: 'The partnership catalogue: organisations, activities and members.',
  submissions: 'Partner workbooks: templates, submissions and their versions, dry runs.',
  registers: 'Governance registers: consolidation, versions and differences.',
  'sign-offs': 'Governing partners confirming a register version.',
  audit: 'The audit trail and its verification.',
} as const;

export type ApiTag = keyof typeof API_TAGS;
