import { ACCESS_API } from '../access/api.ts';
import { whoOwnsCommand } from '../handlers/ownership/who-owns-command.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { ROTA_API } from '../rota/api.ts';
import { ownershipConfig } from './config.ts';
import { OWNERSHIP_IDS } from './ids.ts';
import { readInventories } from './inventory/read-inventories.ts';

/**
 * `/k8s-infra who-owns <thing>`: the owning subproject or SIG of a domain name, GCP project,
 * bucket, cluster, Google group, image path or service, its channel and who is on call now.
 */
export function ownershipModule(): CapabilityModule<typeof ownershipConfig> {
  return {
    name: 'ownership',
    config: ownershipConfig,
    migrations: {},
    ids: OWNERSHIP_IDS,
    define(platform, settings) {
      // Read once at start: the inventories are files deployed with the config.
      const inventories = readInventories(settings);
      if (inventories.problems.length) platform.log.warn({ problems: inventories.problems }, 'who-owns: some inventories could not be read');
      const access = platform.use(ACCESS_API);
      return {
        commands: [
          {
            name: 'who-owns',
            usage: 'who-owns <thing>',
            summary: 'Who owns a domain, GCP project, bucket, cluster, Google group, image or service, and who is on call for it',
            example: '/k8s-infra who-owns registry.k8s.io/ingress-nginx/controller',
            aliases: ['whoowns', 'owner-of'],
            handler: whoOwnsCommand({ config: platform.config, settings, inventories, groups: () => access().groups(), rota: platform.use(ROTA_API), people: platform.people }),
          },
        ],
      };
    },
  };
}

export const ownership = ownershipModule();
