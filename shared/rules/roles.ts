/**
 * The Roles table: the organisation's RACI role per catalogue activity, at most one row per activity.
 * An activity is matched by catalogue name or id, ignoring case and spacing, and stored as the catalogue's
 * id and name.
 */
import type { Activity, RoleAssignment } from '../types.js';
import {
  dataRows,
  listForMessage,
  normaliseName,
  placeOf,
  readRow,
  textOf,
  type IssueList,
  type LocatedTable,
} from '../table.js';

export function readRoles(
  table: LocatedTable | null,
  activities: readonly Activity[],
  issues: IssueList,
): RoleAssignment[] {
  if (!table) return [];
  const byName = new Map<string, Activity>();
  for (const a of activities) {
    if (!byName.has(normaliseName(a.id))) byName.set(normaliseName(a.id), a);
  }
  for (const a of activities) {
    if (!byName.has(normaliseName(a.name))) byName.set(normaliseName(a.name), a);
  }
  const activityRows = new Map<string, number>();
  const roles: RoleAssignment[] = [];
  for (const row of dataRows(table)) {
    const v = readRow(table, row, issues);
    const text = textOf(v, 'activity');
    const activity = text === null ? undefined : byName.get(normaliseName(text));
    if (text !== null && !activity) {
      issues.add(
        'roles/unknown-activity',
        `Activity "${text}" is not an activity of the partnership catalogue. The activities are: ${listForMessage(
          activities.map((a) => a.name),
          Infinity,
        )}.`,
        placeOf(table, row, 'activity'),
      );
    }
    if (activity) {
      const first = activityRows.get(activity.id);
      if (first === undefined) activityRows.set(activity.id, row.excelRow);
      else {
        issues.add(
          'row/duplicate',
          `Activity "${activity.name}" already has a role in row ${first}; give each activity one row.`,
          placeOf(table, row, 'activity'),
        );
      }
    }
    roles.push({
      activityId: activity?.id ?? '',
      activity: activity?.name ?? text ?? '',
      role: textOf(v, 'role') ?? '',
      namedLead: textOf(v, 'namedLead'),
      notes: textOf(v, 'notes'),
    });
  }
  return roles;
}
