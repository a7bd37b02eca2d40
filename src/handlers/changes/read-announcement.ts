import type { Announcement } from '../../changes/domain/announce.ts';
import { isTier, type Tier } from '../../changes/domain/tier.ts';
import { windowStartIn } from '../../changes/domain/window-time.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../changes/ids.ts';
import type { AnnounceMetadata } from '../../changes/views/change-modal.ts';
import { WINDOW_LENGTHS } from '../../changes/views/change-modal.ts';
import { selectedDate, selectedTime, selectedValue, selectedValues, textValue, type ViewValues } from '../../platform/slack/view-values.ts';

const A = CHANGES_IDS.actions;

/**
 * The tier the author picked, from whichever tier block the form carries (its id ends with the
 * floor the form showed). The block's own floor, left as it was, is no choice: the floor from the
 * submitted answers applies (the form may not have caught up with the last answer). Anything else
 * is a choice, checked against that floor: above it raises the tier, below it is refused.
 */
function chosenTier(values: ViewValues): Tier | undefined {
  for (const blockId of Object.keys(values)) {
    if (!blockId.startsWith(CHANGES_IDS.blocks.tierPrefix)) continue;
    const shown = blockId.slice(CHANGES_IDS.blocks.tierPrefix.length);
    const v = selectedValue(values, blockId, A.tier);
    if (isTier(v)) return v === shown ? undefined : v;
  }
  return undefined;
}

export interface ReadAnnouncement {
  announcement: Announcement;
  /** The PR field as typed (checked by the caller). */
  prText: string;
  /** Why the window's date and time name no instant, if they do not. */
  windowProblem: string | undefined;
}

/** The form's values as the domain reads them; anything missing reads as empty, for the checks to catch. */
export function readAnnouncement(values: ViewValues, metadata: AnnounceMetadata, known: { services: ReadonlySet<string>; sigs: ReadonlySet<string> }): ReadAnnouncement {
  const start = windowStartIn(selectedDate(values, B.windowDate, A.windowDate), selectedTime(values, B.windowTime, A.windowTime), metadata.z);
  const minutes = Number(selectedValue(values, B.windowLength, A.windowLength) ?? '60');
  const prText = textValue(values, B.pr, A.pr).trim();
  return {
    prText,
    windowProblem: start.ok ? undefined : start.reason,
    announcement: {
      title: textValue(values, B.title, A.title),
      description: textValue(values, B.description, A.description),
      rollbackPlan: textValue(values, B.rollback, A.rollback),
      // Only ids the form offered: a crafted payload cannot name a service or SIG that does not exist.
      services: selectedValues(values, B.services, A.services).filter((s) => known.services.has(s)),
      sigs: selectedValues(values, B.sigs, A.sigs).filter((s) => known.sigs.has(s)),
      answers: {
        workflows: selectedValue(values, B.workflows, A.workflows),
        rollback: selectedValue(values, B.rollbackEase, A.rollbackEase),
        reach: selectedValue(values, B.reach, A.reach),
      },
      chosenTier: chosenTier(values),
      pathTier: metadata.pr && metadata.pr === prText ? metadata.pt : undefined,
      windowStart: start.ok ? start.at : undefined,
      windowMinutes: WINDOW_LENGTHS.some((w) => w.minutes === minutes) ? minutes : 60,
      pr: null,
    },
  };
}
