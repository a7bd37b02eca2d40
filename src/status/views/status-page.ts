import { formatDuration, formatUtc } from '../domain/format-duration.ts';
import { worstState, type ProbeState } from '../domain/probe.ts';
import type { ServiceStatus } from '../domain/service-status.ts';
import { formatUptime } from '../domain/uptime.ts';

/** What the public page shows: no probe internals beyond a one-line detail, no people, no contact data. */
export type StatusPageService = Pick<ServiceStatus, 'id' | 'name' | 'sigs' | 'state' | 'confirmed' | 'since' | 'lastCheckedAt' | 'detail'> & {
  uptime24h: number | null;
  uptime7d: number | null;
};

export interface StatusPageModel {
  title: string;
  generatedAt: Date;
  overall: ProbeState;
  services: StatusPageService[];
}

const DEFAULT_STATUS_PAGE_TITLE = 'Kubernetes project infrastructure status';

export function buildStatusPageModel(statuses: readonly ServiceStatus[], now: Date, title = DEFAULT_STATUS_PAGE_TITLE): StatusPageModel {
  const services = statuses.map((s) => ({
    id: s.id,
    name: s.name,
    sigs: [...s.sigs],
    state: s.state,
    confirmed: s.confirmed,
    since: s.since,
    lastCheckedAt: s.lastCheckedAt,
    detail: s.detail,
    uptime24h: s.uptime.day,
    uptime7d: s.uptime.week,
  }));
  return { title, generatedAt: now, overall: worstState(services.map((s) => s.state)) ?? 'unknown', services };
}

const HEADLINE: Record<ProbeState, string> = {
  ok: 'All services operational',
  degraded: 'Some services are degraded',
  down: 'Some services are down',
  unknown: 'Some services could not be checked',
};

const LABEL: Record<ProbeState, string> = { ok: 'Operational', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root{color-scheme:light dark;--ok:#1a7f37;--degraded:#9a6700;--down:#cf222e;--unknown:#6e7781;--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--ok:#3fb950;--degraded:#d29922;--down:#f85149;--unknown:#8b949e;--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#3d444d}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
.banner{padding:.75rem 1rem;border-radius:.5rem;font-weight:600;color:#fff;margin-bottom:1rem}
.banner.ok{background:var(--ok)}.banner.degraded{background:var(--degraded)}.banner.down{background:var(--down)}.banner.unknown{background:var(--unknown)}
ul{list-style:none;margin:0;padding:0}
li{background:var(--card);border:1px solid var(--line);border-left:.4rem solid var(--unknown);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem}
li.ok{border-left-color:var(--ok)}li.degraded{border-left-color:var(--degraded)}li.down{border-left-color:var(--down)}
.head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem}
.name{font-weight:600;overflow-wrap:anywhere}
.state{font-weight:600}.state.ok{color:var(--ok)}.state.degraded{color:var(--degraded)}.state.down{color:var(--down)}.state.unknown{color:var(--unknown)}
.detail{margin:.25rem 0;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.25rem 0 0;color:var(--muted);font-size:.9rem}
dd{margin:0}
footer{color:var(--muted);font-size:.85rem;margin-top:1.5rem}
`;

/** GET /status: the whole page, static HTML that refreshes itself every minute, no JavaScript. */
export function renderStatusPage(model: StatusPageModel): string {
  const now = model.generatedAt;
  const items = model.services.map((s) => {
    const since = s.confirmed && s.since ? ` for ${formatDuration(now.getTime() - s.since.getTime())}` : '';
    const checked = s.lastCheckedAt
      ? `<time datetime="${s.lastCheckedAt.toISOString()}">${escapeHtml(formatUtc(s.lastCheckedAt))}</time>`
      : 'not yet';
    return `<li class="${s.state}" id="${escapeHtml(s.id)}">
<div class="head"><span class="name">${escapeHtml(s.name)}</span><span class="state ${s.state}">${LABEL[s.state]}${escapeHtml(since)}${s.confirmed ? '' : ' (unconfirmed)'}</span></div>
<p class="detail">${escapeHtml(s.detail)}</p>
<dl><dt>Last check</dt><dd>${checked}</dd><dt>Uptime 24 h</dt><dd>${formatUptime(s.uptime24h)}</dd><dt>Uptime 7 d</dt><dd>${formatUptime(s.uptime7d)}</dd><dt>Owned by</dt><dd>${escapeHtml(s.sigs.join(', '))}</dd></dl>
</li>`;
  });
  const list = items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>No services are configured for status checks.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(model.title)}</h1>
<div class="banner ${model.overall}" role="status">${HEADLINE[model.overall]}</div>
${list}
<footer>Updated <time datetime="${now.toISOString()}">${escapeHtml(formatUtc(now))}</time>. Machine-readable: <a href="status.json">status.json</a>.</footer>
</main>
</body>
</html>
`;
}

export interface StatusJson {
  generatedAt: string;
  overall: ProbeState;
  services: {
    id: string;
    name: string;
    sigs: string[];
    state: ProbeState;
    confirmed: boolean;
    since: string | null;
    lastCheckedAt: string | null;
    detail: string;
    uptime: { '24h': number | null; '7d': number | null };
  }[];
}

/** GET /status.json: the same model, dates as ISO strings, uptime as ratios (0..1). */
export function statusJson(model: StatusPageModel): StatusJson {
  return {
    generatedAt: model.generatedAt.toISOString(),
    overall: model.overall,
    services: model.services.map((s) => ({
      id: s.id,
      name: s.name,
      sigs: [...s.sigs],
      state: s.state,
      confirmed: s.confirmed,
      since: s.since?.toISOString() ?? null,
      lastCheckedAt: s.lastCheckedAt?.toISOString() ?? null,
      detail: s.detail,
      uptime: { '24h': s.uptime24h, '7d': s.uptime7d },
    })),
  };
}
