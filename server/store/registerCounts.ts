import { countIssues } from '../../shared/issues.js';

/** The counts a register row keeps in columns, so that a list of registers need not read the bodies. */
export interface RegisterCounts {
  organisations_count: number;
  submissions_count: number;
  errors_count: number;
  warnings_count: number;
}

/** The counts of a register body (JSON text or parsed). */
export function registerCounts(register: {
  organisations: unknown[];
  sources: unknown[];
  issues: { severity: string }[];
}): RegisterCounts {
  const { errors, warnings } = countIssues(register.issues);
  return {
    organisations_count: register.organisations.length,
    submissions_count: register.sources.length,
    errors_count: errors,
    warnings_count: warnings,
  };
}
