import { DateTime } from 'luxon';
import type { KnownBlock } from '@slack/types';
import type { ReportMessage } from '../../platform/capability.ts';
import { context, messageBlocks } from '../../platform/slack/blocks.ts';

/** A report posted by a replica that started after its time says so, and says as of when it is. */
export function lateNotice(report: ReportMessage, slot: Date, timezone: string): ReportMessage {
  const due = DateTime.fromJSDate(slot, { zone: timezone }).toFormat('ccc d LLL yyyy HH:mm ZZZZ');
  const utc = DateTime.fromJSDate(slot, { zone: 'UTC' }).toFormat("HH:mm 'UTC'");
  const notice = context(`:hourglass: Posted late: this report was due ${due} (${utc}) while the bot was not running; it shows things as they were then.`);
  return { text: `(late) ${report.text}`, blocks: messageBlocks([notice, ...(report.blocks as KnownBlock[])]) };
}
