import type { Notifier } from '../../core/notifier.ts';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { Kysely } from 'kysely';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import type { StaffingPerson, StaffingSubproject } from '../domain/staffing.ts';
import type { OwnersSettings } from '../config.ts';
import type { OwnersDatabase } from '../store/tables.ts';
import type { GroupMembershipEdit, MembershipChange } from '../../access/api.ts';
import type { OwnersGithub } from './owners-github.ts';
import type { ShadowBookings } from './shadow-booking.ts';

/** A person as nominations see them (config people). */
export interface NominationPerson extends StaffingPerson {
  slack: string;
  github: string;
  email?: string;
  workingHours: StaffingPerson['workingHours'];
}

/** What the nomination use cases and jobs share: config, people, the database, GitHub, Slack. */
export interface NominationDeps {
  settings: OwnersSettings;
  subprojects: readonly (StaffingSubproject & { rotations: readonly string[] })[];
  people: readonly NominationPerson[];
  leads: readonly string[];
  db: Kysely<OwnersDatabase>;
  commit: CommitTransition;
  /** Undefined without GITHUB_TOKEN: nothing is filed, and the nominator is told. */
  github: OwnersGithub | undefined;
  notifier: Pick<Notifier, 'post' | 'dm'>;
  /** A group's members edit through the access capability (undefined, or throwing, when it is not running). */
  groupEdit?: (groupEmail: string, change: MembershipChange) => Promise<GroupMembershipEdit>;
  mention(personId: string): string;
  /** The rota, for a new owner's shadow period (absent: no rota running, nothing booked). */
  shadows?: ShadowBookings;
  /** Republishes Home tabs a nomination shows on (its voters', its nominee's). */
  home?: HomeRefresher;
}
