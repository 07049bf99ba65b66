import { IANAZone } from 'luxon';
import { type RosterIssue } from './roster.errors';
import { type Roster } from './roster.types';

/** What the schema cannot say: unique agents, a real time zone, shifts of some length. */
export function rosterIssues(roster: Roster): RosterIssue[] {
  const issues: RosterIssue[] = [];
  if (roster.timezone !== undefined && !IANAZone.isValidZone(roster.timezone)) {
    issues.push({ field: '/timezone', message: `unknown time zone ${roster.timezone}` });
  }
  const seen = new Set<string>();
  roster.agents.forEach((agent, a) => {
    if (seen.has(agent.staffId)) {
      issues.push({ field: `/agents/${a}/staffId`, message: `staff ${agent.staffId} is listed twice` });
    }
    seen.add(agent.staffId);
    agent.shifts.forEach((shift, s) => {
      if (shift.start === shift.end) {
        issues.push({ field: `/agents/${a}/shifts/${s}`, message: 'a shift must end at another time than it starts' });
      }
    });
  });
  return issues;
}
