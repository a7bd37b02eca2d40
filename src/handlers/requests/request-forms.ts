import type { ViewSubmitAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { z } from 'zod';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { checkDnsRequest, fqdnOf, type DnsField, type DnsForm } from '../../requests/domain/dns-request.ts';
import { checkStagingRequest, type StagingField } from '../../requests/domain/staging-project.ts';
import type { TicketSpec } from '../../requests/domain/ticket.ts';
import { REQUESTS_IDS } from '../../requests/ids.ts';
import type { RequestDeps } from '../../requests/use-cases/request-deps.ts';
import { submitRequest } from '../../requests/use-cases/submit-request.ts';
import { dnsConfirmModal, dnsModal, noticeModal, otherModal, stagingModal, type RequestMetadata } from '../../requests/views/request-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import { selectedValue, textValue, type ViewValues } from '../../platform/slack/view-values.ts';

const A = REQUESTS_IDS.actions;
const B = REQUESTS_IDS.blocks;
const C = REQUESTS_IDS.callbacks;
const metadataSchema = z.object({ c: z.string() });
const dnsFormSchema = z.object({
  action: z.string().optional(),
  file: z.string().optional(),
  name: z.string(),
  type: z.string().optional(),
  values: z.string(),
  ttl: z.string(),
  reason: z.string(),
  after: z.string(),
  comment: z.string(),
});
const confirmSchema = z.object({ c: z.string(), f: dnsFormSchema });

const DNS_BLOCK: Record<DnsField, string> = { action: B.dnsAction, file: B.dnsFile, name: B.dnsName, type: B.dnsType, values: B.dnsValues, ttl: B.dnsTtl, reason: B.reason, after: B.dnsAfter, comment: B.dnsComment };
const STAGING_BLOCK: Record<StagingField, string> = { name: B.stagingName, sig: B.stagingSig, members: B.stagingMembers, reason: B.reason };

const STALE = 'This form is from another version of the bot: close it and run /k8s-infra request again.';

/**
 * The request modals: the kind chooser turns into the kind's form; each form is checked as a
 * whole with every problem on its field (nothing filed); a good one closes at once and is filed
 * after, the requester told in a DM at each step.
 */
export function registerRequestForms(app: SlackListeners, deps: RequestDeps): void {
  app.view<ViewSubmitAction>(C.chooseKind, async ({ ack, view }) => {
    const metadata = readMetadata(metadataSchema, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'errors', errors: { [B.kind]: STALE } }));
    const kind = selectedValue(view.state.values as ViewValues, B.kind, A.kind);
    if (kind === 'dns') return void (await ack({ response_action: 'update', view: dnsModal(metadata, deps.zones().map((z) => z.file)) }));
    if (kind === 'staging') return void (await ack({ response_action: 'update', view: stagingModal(metadata, [...deps.groupFiles().keys()].sort()) }));
    if (kind === 'other') return void (await ack({ response_action: 'update', view: otherModal(metadata) }));
    await ack({ response_action: 'errors', errors: { [B.kind]: 'Choose what you need.' } });
  });

  const file = async (m: RequestMetadata, user: string, viewId: string, spec: TicketSpec, title: string) => {
    const id = stableId('req-', viewId, 10);
    try {
      await submitRequest(deps, { id, requester: user, channel: m.c, spec, title });
    } catch (err) {
      deps.log.error({ err }, 'requests: saving a request failed');
      await deps.notifier.ephemeral(m.c, user, { text: 'Your request was NOT filed: the bot could not save it (the error was logged). Please try again.' }).catch(() => undefined);
    }
  };

  app.view<ViewSubmitAction>(C.dns, async ({ ack, view, body }) => {
    const metadata = readMetadata(metadataSchema, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'errors', errors: { [B.dnsName]: STALE } }));
    const v = view.state.values as ViewValues;
    const form: DnsForm = {
      action: selectedValue(v, B.dnsAction, A.dnsAction),
      file: selectedValue(v, B.dnsFile, A.dnsFile),
      name: textValue(v, B.dnsName, A.dnsName),
      type: selectedValue(v, B.dnsType, A.dnsType),
      values: textValue(v, B.dnsValues, A.dnsValues),
      ttl: textValue(v, B.dnsTtl, A.dnsTtl),
      reason: textValue(v, B.reason, A.reason),
      after: textValue(v, B.dnsAfter, A.dnsAfter),
      comment: textValue(v, B.dnsComment, A.dnsComment),
    };
    const checked = checkDnsRequest(form, deps.zones());
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: Object.fromEntries(Object.entries(checked.errors).map(([k, msg]) => [DNS_BLOCK[k as DnsField], msg])) }));
    // The existing and the new record are shown before anything is filed.
    const confirm = dnsConfirmModal({ c: metadata.c, f: form }, checked.request, checked.existing);
    if (confirm) return void (await ack({ response_action: 'update', view: confirm }));
    await ack();
    const d = checked.request;
    await file(metadata, body.user.id, view.id, { kind: 'dns', dns: d, existing: checked.existing }, `DNS ${d.action} ${d.type} ${fqdnOf(d)}`);
  });

  app.view<ViewSubmitAction>(C.dnsConfirm, async ({ ack, view, body }) => {
    const metadata = readMetadata(confirmSchema, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'update', view: noticeModal(C.dnsConfirm, `Nothing was filed. ${STALE}`) }));
    // Checked again: the zone files may have moved while the person looked.
    const f = metadata.f;
    const checked = checkDnsRequest({ action: f.action, file: f.file, name: f.name, type: f.type, values: f.values, ttl: f.ttl, reason: f.reason, after: f.after, comment: f.comment }, deps.zones());
    await ack();
    if (!checked.ok) {
      const why = Object.values(checked.errors).join(' ');
      await deps.notifier.ephemeral(metadata.c, body.user.id, { text: `Your DNS request was NOT filed: ${escapeMrkdwn(why)}` }).catch(() => undefined);
      return;
    }
    const d = checked.request;
    await file({ c: metadata.c }, body.user.id, view.id, { kind: 'dns', dns: d, existing: checked.existing }, `DNS ${d.action} ${d.type} ${fqdnOf(d)}`);
  });

  app.view<ViewSubmitAction>(C.staging, async ({ ack, view, body }) => {
    const metadata = readMetadata(metadataSchema, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'errors', errors: { [B.stagingName]: STALE } }));
    const v = view.state.values as ViewValues;
    const checked = checkStagingRequest(
      { name: textValue(v, B.stagingName, A.stagingName), sig: selectedValue(v, B.stagingSig, A.stagingSig), members: textValue(v, B.stagingMembers, A.stagingMembers), reason: textValue(v, B.reason, A.reason) },
      { groupFiles: deps.groupFiles() },
    );
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: Object.fromEntries(Object.entries(checked.errors).map(([k, msg]) => [STAGING_BLOCK[k as StagingField], msg])) }));
    await ack();
    await file(metadata, body.user.id, view.id, { kind: 'staging', staging: checked.request }, `Staging project k8s-staging-${checked.request.name}`);
  });

  app.view<ViewSubmitAction>(C.other, async ({ ack, view, body }) => {
    const metadata = readMetadata(metadataSchema, view.private_metadata);
    if (!metadata) return void (await ack({ response_action: 'errors', errors: { [B.title]: STALE } }));
    const v = view.state.values as ViewValues;
    const title = textValue(v, B.title, A.title).trim();
    const description = textValue(v, B.description, A.description).trim();
    const errors: Record<string, string> = {};
    if (!title) errors[B.title] = 'Give the request a title.';
    if (!description) errors[B.description] = 'Say what you need.';
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    await ack();
    await file(metadata, body.user.id, view.id, { kind: 'other', other: { title, description } }, title);
  });
}
