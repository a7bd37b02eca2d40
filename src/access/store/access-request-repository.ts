import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AccessRequest } from '../domain/access-request.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { AccessDatabase, AccessTables } from './tables.ts';
import type { AccessRequestsTable } from './tables.ts';

type Executor = Kysely<AccessDatabase> | Transaction<AccessDatabase>;

function columns(request: AccessRequest) {
  return {
    status: request.status,
    group_email: request.group.emailId.toLowerCase(),
    requester_slack: request.requester.slackUserId,
    pr_branch: request.pullRequest?.branch ?? null,
    pr_number: request.pullRequest?.number ?? null,
    removal_pr_branch: request.removalPullRequest?.branch ?? null,
    removal_pr_number: request.removalPullRequest?.number ?? null,
    expires_at: request.expiresAt ? new Date(request.expiresAt).getTime() : null,
    updated_at: new Date(request.updatedAt).getTime(),
    version: request.version,
    data: JSON.stringify(request),
  };
}

function fromRow(row: Selectable<AccessRequestsTable>): AccessRequest {
  return JSON.parse(row.data) as AccessRequest;
}

/** Access requests, one row each; every write after the first is a compare-and-set on `version`. */
export class AccessRequestRepository {
  private readonly db: Kysely<AccessDatabase>;
  constructor(db: Kysely<CoreTables>) {
    this.db = db.withTables<AccessTables>();
  }

  /** Inserts a new request; false when the id exists already (a retried modal submission). */
  async insert(request: AccessRequest, trx: Executor = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('access_requests')
      .values({ id: request.id, created_at: new Date(request.createdAt).getTime(), ...columns(request) })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Writes `request` only if the stored row still has `expectedVersion`; false when someone else won. */
  async update(request: AccessRequest, expectedVersion: number, trx: Executor = this.db): Promise<boolean> {
    const r = await trx.updateTable('access_requests').set(columns(request)).where('id', '=', request.id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async get(id: string, trx: Executor = this.db): Promise<AccessRequest | undefined> {
    const row = await trx.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The request whose pull request (or removal pull request) comes from `branch`. */
  async findByBranch(branch: string): Promise<AccessRequest | undefined> {
    const row = await this.db
      .selectFrom('access_requests')
      .selectAll()
      .where((eb) => eb.or([eb('pr_branch', '=', branch), eb('removal_pr_branch', '=', branch)]))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The request whose pull request (or removal pull request) has this number. */
  async findByPullRequestNumber(number: number): Promise<AccessRequest | undefined> {
    const row = await this.db
      .selectFrom('access_requests')
      .selectAll()
      .where((eb) => eb.or([eb('pr_number', '=', number), eb('removal_pr_number', '=', number)]))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async listByRequester(slackUserId: string, limit = 20): Promise<AccessRequest[]> {
    const rows = await this.db.selectFrom('access_requests').selectAll().where('requester_slack', '=', slackUserId).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(fromRow);
  }

  async listByGroup(groupEmailId: string, limit = 2000): Promise<AccessRequest[]> {
    const rows = await this.db.selectFrom('access_requests').selectAll().where('group_email', '=', groupEmailId.toLowerCase()).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(fromRow);
  }

  async listByStatus(statuses: readonly string[], limit = 200): Promise<AccessRequest[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db.selectFrom('access_requests').selectAll().where('status', 'in', [...statuses]).orderBy('created_at', 'asc').limit(limit).execute();
    return rows.map(fromRow);
  }
}
