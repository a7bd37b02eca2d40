import type { Response, Router } from 'express';
import type { Clock } from '../../core/clock.ts';
import { personCalendar, type PersonCalendarDeps } from '../use-cases/person-calendar.ts';
import { rotationCalendar, type RotationCalendarDeps } from '../use-cases/rotation-calendar.ts';
import { calendarFeed } from '../views/calendar-feed.ts';

export type CalendarRouteDeps = RotationCalendarDeps & PersonCalendarDeps & { clock: Clock; publicUrl: string };

function send(res: Response, ics: string, filename: string): void {
  res.status(200).type('text/calendar; charset=utf-8').set('Content-Disposition', `inline; filename="${filename}"`).set('Cache-Control', 'max-age=300').send(ics);
}

/** `GET /calendar/<rotation>.ics` and `GET /calendar/person/<personId>.ics`. */
export function registerCalendarRoutes(web: Router, deps: CalendarRouteDeps): void {
  web.get('/calendar/person/:file', async (req, res, next) => {
    try {
      const file = String(req.params.file);
      const personId = file.replace(/\.ics$/, '');
      const now = deps.clock.now();
      const found = file.endsWith('.ics') ? await personCalendar(deps, { personId, now }) : { kind: 'unknown' as const };
      if (found.kind === 'unknown') {
        res.status(404).type('text/plain').send('No such person.\n');
        return;
      }
      send(res, calendarFeed(found.name, found.events, deps.publicUrl, now), `${personId}.ics`);
    } catch (err) {
      next(err);
    }
  });

  web.get('/calendar/:file', async (req, res, next) => {
    try {
      const file = String(req.params.file);
      const rotationId = file.replace(/\.ics$/, '');
      const now = deps.clock.now();
      const found = file.endsWith('.ics') ? await rotationCalendar(deps, { rotationId, now }) : { kind: 'unknown' as const, rotationIds: [...deps.model.rotations.keys()] };
      if (found.kind === 'unknown') {
        res.status(404).type('text/plain').send(`No such rotation. Rotations: ${found.rotationIds.join(', ')}\n`);
        return;
      }
      send(res, calendarFeed(found.name, found.events, deps.publicUrl, now), `${rotationId}.ics`);
    } catch (err) {
      next(err);
    }
  });
}
