/** Who may do what with requests. Pure: the handler asks before anything changes. */
export type RequestAction = 'file' | 'list-mine' | 'list-queue';

export interface RequestActor {
  /** The person of the config this Slack user is, if any. */
  personId: string | undefined;
}

export interface RequestRoles {
  leads: readonly string[];
  admins: readonly string[];
}

/**
 * Anyone in the workspace may ask for a resource and see their own requests (the workspace
 * boundary already refused everyone else); what waits on the admins is shown to the leads and
 * the configured request admins only.
 */
export function mayRequest(action: RequestAction, actor: RequestActor, roles: RequestRoles): boolean {
  switch (action) {
    case 'file':
    case 'list-mine':
      return true;
    case 'list-queue':
      return actor.personId !== undefined && (roles.leads.includes(actor.personId) || roles.admins.includes(actor.personId));
  }
}
