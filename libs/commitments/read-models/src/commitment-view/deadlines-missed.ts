import type { ProjectionDb } from '@council/platform/event-sourcing';

/**
 * Active commitments whose deadline is before `day` (a Việt Nam calendar day) with no
 * miss recorded for that deadline, in deadline order: what the deadline watcher asks the
 * domain to record. One query over `commitment_views` (the deadline index, the status and
 * the view's state), no view assembled: a check costs the same whatever the reports.
 */
export function deadlinesMissedBy(db: ProjectionDb, day: string): { id: string; deadline: string }[] {
  return db.all<{ id: string; deadline: string }>(
    `SELECT v.id, v.deadline FROM commitment_views v
      WHERE v.deadline < ? AND v.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM json_each(v.state, '$.missedDeadlines') m WHERE m.value = v.deadline)
      ORDER BY v.deadline, v.id`,
    day,
  );
}
