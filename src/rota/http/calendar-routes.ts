import type { Response, Router } from 'express';
import ical, { type ICalCalendar } from 'ical-generator';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import type { RotaModel } from '../rota-model.ts';
import { prepareRotation } from '../domain/prepared-cache.ts';
import type { Shift } from '../domain/types.ts';

const WEEK = 7 * 86_400_000;

interface FeedEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
}

/** A feed holds names and rotation names only: no e-mail, no phone (feeds are shared URLs). */
function feed(name: string, events: readonly FeedEvent[], publicUrl: string, now: Date): ICalCalendar {
  const cal = ical({ name, prodId: { company: 'kubernetes', product: 'k8s-infra-bot', language: 'EN' }, ttl: 3600 });
  for (const e of events) {
    cal.createEvent({ id: e.uid, start: e.start, end: e.end, summary: e.summary, description: e.description, stamp: now, url: `${publicUrl}/calendar` });
  }
  return cal;
}

function why(s: Pick<Shift, 'why'>): string {
  return s.why === 'override' ? ' (override)' : s.why === 'swap' ? ' (swap)' : '';
}

function send(res: Response, cal: ICalCalendar, filename: string): void {
  res.status(200).type('text/calendar; charset=utf-8').set('Content-Disposition', `inline; filename="${filename}"`).set('Cache-Control', 'max-age=300').send(cal.toString());
}

/**
 * `GET /calendar/<rotation>.ics`: a rotation's shifts; `GET /calendar/person/<personId>.ics`: one
 * person's on-call time across subprojects (the effective layers, so overrides and swaps show).
 * Both from the start of the current shift to `calendarWeeks` ahead.
 */
export function registerCalendarRoutes(web: Router, deps: OnCallDeps, model: RotaModel): void {
  const nameOf = (id: string) => deps.people.person(id)?.name ?? id;

  web.get('/calendar/person/:file', async (req, res, next) => {
    try {
      const personId = String(req.params.file).replace(/\.ics$/, '');
      if (!String(req.params.file).endsWith('.ics') || !deps.people.person(personId)) {
        res.status(404).type('text/plain').send('No such person.\n');
        return;
      }
      const now = deps.clock.now();
      const to = new Date(now.getTime() + model.settings.calendarWeeks * WEEK);
      const events: FeedEvent[] = [];
      for (const s of model.rotaSubprojects()) {
        const layers = await model.layers(s.id, now, to);
        for (const shift of layers.shifts(now, to)) {
          if (shift.person !== personId) continue;
          events.push({
            uid: `${s.id}-${shift.start.getTime()}-${personId}@k8s-infra-bot`,
            start: shift.start,
            end: shift.primaryEnd,
            summary: `On call: ${s.id}${why(shift)}`,
            description: `${nameOf(personId)} is on call for ${s.name}. /k8s-infra oncall ${s.id} shows who is next.`,
          });
        }
      }
      send(res, feed(`On call: ${nameOf(personId)}`, events, deps.publicUrl, now), `${personId}.ics`);
    } catch (err) {
      next(err);
    }
  });

  web.get('/calendar/:file', async (req, res, next) => {
    try {
      const file = String(req.params.file);
      const rotation = model.rotations.get(file.replace(/\.ics$/, ''));
      if (!file.endsWith('.ics') || !rotation) {
        res.status(404).type('text/plain').send(`No such rotation. Rotations: ${[...model.rotations.keys()].join(', ')}\n`);
        return;
      }
      const now = deps.clock.now();
      const to = new Date(now.getTime() + model.settings.calendarWeeks * WEEK);
      const changes = (await model.changesOf([rotation.id], now, to)).get(rotation.id);
      const events = prepareRotation(rotation, changes)
        .shifts(now, to)
        .map((shift) => ({
          uid: `${rotation.id}-${shift.start.getTime()}@k8s-infra-bot`,
          start: shift.start,
          end: shift.primaryEnd,
          summary: `${rotation.name}: ${nameOf(shift.person)}${why(shift)}`,
          description: `${nameOf(shift.person)} is on call (${rotation.name}).`,
        }));
      send(res, feed(rotation.name, events, deps.publicUrl, now), `${rotation.id}.ics`);
    } catch (err) {
      next(err);
    }
  });
}
