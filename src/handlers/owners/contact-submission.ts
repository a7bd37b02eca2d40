import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { selectedValues, textValue } from '../../platform/slack/view-values.ts';
import { DIRECTORY_NOT_CONFIGURED } from '../../owners/contact-keys.ts';
import type { ContactField } from '../../owners/domain/contact.ts';
import { OWNERS_IDS } from '../../owners/ids.ts';
import { saveContact } from '../../owners/use-cases/save-contact.ts';
import type { ContactHandlerDeps } from '../../owners/contact-deps.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const BLOCK_OF: Record<ContactField, string> = { phone: b.phone, alternateEmails: b.alternateEmails, timezone: b.timezone, hours: b.start, order: b.order };

/** The contact modal: errors inline on their fields; saved, the person gets a DM saying what is on file (not the values). */
export function registerContactSubmission(app: SlackListeners, deps: ContactHandlerDeps): void {
  app.view(OWNERS_IDS.callbacks.contact, async ({ ack, view, body, client }) => {
    const person = deps.people.bySlackId(body.user.id);
    if (!person) return ack({ response_action: 'errors', errors: { [b.phone]: 'Only people listed in the config keep contact details here.' } });
    const v = view.state.values;
    const form = {
      phone: textValue(v, b.phone, a.phone),
      alternateEmails: textValue(v, b.alternateEmails, a.alternateEmails),
      timezone: textValue(v, b.timezone, a.timezone),
      days: selectedValues(v, b.days, a.days),
      start: textValue(v, b.start, a.start),
      end: textValue(v, b.end, a.end),
      order: textValue(v, b.order, a.order),
    };
    const result = await saveContact(deps, { personId: person.id, form }, deps.clock.now()).catch((err: unknown) => {
      deps.log.error({ err: err instanceof Error ? err.name : 'error' }, 'could not save contact details');
      return { kind: 'failed' as const };
    });
    if (result.kind === 'invalid') {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(result.errors)) errors[BLOCK_OF[field as ContactField]] = message;
      return ack({ response_action: 'errors', errors });
    }
    if (result.kind === 'not-configured') return ack({ response_action: 'errors', errors: { [b.phone]: DIRECTORY_NOT_CONFIGURED.slice(0, 150) } });
    if (result.kind === 'failed') return ack({ response_action: 'errors', errors: { [b.phone]: 'Could not save your details just now (nothing was stored); try again in a minute.' } });
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `:lock: Your contact details are saved, encrypted (${result.kinds} on file). Nobody sees them outside a recorded reveal.` }).catch((err: unknown) => {
      deps.log.warn({ err: err instanceof Error ? err.message : 'error' }, 'could not confirm saved contact details');
    });
  });
}
