import type { JobContext } from '../../platform/jobs/define-job.ts';
import type { Effect } from '../../platform/outbox/effects.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';

/** Fields the bot's own work fills in one at a time (set-up, GitHub), never a person's change. */
export type IncidentLinks = Partial<Pick<Incident, 'channelId' | 'channelName' | 'summaryTs' | 'issueNumber' | 'issueUrl' | 'reviewIssueNumber' | 'reviewIssueUrl' | 'pages'>>;

/** A person's change to an incident, with what it asks for (audit, jobs). */
export interface TransitionWrite {
  /** From the Slack payload: a retried delivery of the same change is `already-done`. */
  key: string;
  /** The incident as read: the change is written only if nobody changed it since. */
  before: Incident;
  after: Incident;
  entries: readonly TimelineEntry[];
  /** With it, the entries join the timeline once (the same message pinned by two people). */
  dedupKey?: string;
  effects: readonly Effect[];
}

/** `conflict`: someone else changed the incident first; read it again and retry. */
export type TransitionSaved = 'saved' | 'already-done' | 'duplicate-entry' | 'conflict';

/** The bot's own work on an incident (a channel, a page, an issue), written in one transaction. */
export interface BotWork {
  links?: IncidentLinks;
  /** Joins the timeline once per `dedupKey`, however often the work is retried. */
  entry?: TimelineEntry;
  dedupKey?: string;
  effects?: readonly Effect[];
  /** The running job's completion, committed with the work. */
  complete?: JobContext['complete'];
}

/** Incidents and their timelines; every write commits with its effects, or not at all. */
export interface IncidentStore {
  get(id: string): Promise<Incident | undefined>;
  byChannel(channelId: string): Promise<Incident | undefined>;
  /** Open incidents, oldest first. */
  listOpen(): Promise<Incident[]>;
  timeline(incidentId: string): Promise<TimelineEntry[]>;
  /** A new incident with its first entries; false (and nothing written) when the id exists: a retried submission. */
  declare(incident: Incident, entries: readonly TimelineEntry[], effects: readonly Effect[]): Promise<boolean>;
  saveTransition(write: TransitionWrite): Promise<TransitionSaved>;
  /** Links and effects are always written; returns whether the entry joined the timeline (true without one). */
  record(incidentId: string, work: BotWork): Promise<boolean>;
}
