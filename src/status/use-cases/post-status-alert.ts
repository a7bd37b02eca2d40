import type { Notifier } from '../../core/notifier.ts';
import type { StateTransition } from '../domain/track-service-state.ts';
import { statusAlertMessage, type AlertService } from '../views/status-alert.ts';

export interface PostStatusAlertDeps {
  /** The configured services (a service removed since is named by its id). */
  services: readonly AlertService[];
  notifier: Notifier;
  /** #k8s-infra-alerts: its id, or its name. */
  alertsChannel: string;
  statusPageUrl: string;
}

/** Posts a confirmed state change, once per transition (the job delivering it is keyed on it). */
export async function postStatusAlert(deps: PostStatusAlertDeps, transition: StateTransition): Promise<void> {
  const service = deps.services.find((s) => s.id === transition.serviceId) ?? { id: transition.serviceId, name: transition.serviceId, sigs: [] };
  await deps.notifier.post(deps.alertsChannel, statusAlertMessage(transition, service, deps.statusPageUrl));
}
