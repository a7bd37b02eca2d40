import { z } from 'zod';

/** Optional on every probe: `id` keys stored results (defaults to one derived from the target), `name` is shown to people. */
const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9:._/-]*$/, 'expected lowercase letters, digits and : . _ / -')
    .optional(),
  name: z.string().min(1).max(80).optional(),
};

const timeoutMs = z.number().int().min(100).max(60_000);
const gcpProject = z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'expected a GCP project id such as k8s-infra-prow-build');
const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const headerMatch = z.union([
  z.strictObject({ name: z.string().min(1), value: z.string() }),
  z.strictObject({ name: z.string().min(1), pattern: regexSource }),
]);
const bodyMatch = z.union([z.strictObject({ contains: z.string().min(1) }), z.strictObject({ pattern: regexSource })]);

export const httpProbeSchema = z.strictObject({
  type: z.literal('http'),
  ...common,
  url: z.url({ protocol: /^https?$/, error: 'expected an absolute http:// or https:// URL' }),
  method: z.enum(['GET', 'HEAD']).default('GET'),
  expectStatus: z.number().int().min(100).max(599).default(200),
  expectHeader: headerMatch.optional(),
  /** `contains` a substring, or `pattern` a regular expression (multiline: ^ and $ match at line ends). */
  expectBody: bodyMatch.optional(),
  /** Certificate expiring within this many days makes the probe degraded (the group's Terraform uptime checks use 15). */
  certWarningDays: z.number().int().min(0).max(365).default(15),
  /** A PEM file with extra trusted CAs, for endpoints behind a private CA. */
  caFile: z.string().min(1).optional(),
  /** No answer within this time counts as down (the runner's own timeout reports unknown). */
  timeoutMs: timeoutMs.default(4000),
});

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'CAA'] as const;
const dnsServer = z
  .string()
  .regex(/^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:]+)$/, 'expected an IP address, optionally with :port (IPv6 as [addr]:port)');

export const dnsProbeSchema = z.strictObject({
  type: z.literal('dns'),
  ...common,
  /** octodns zone, e.g. k8s.io; expected answers come from its zone-config files. */
  zone: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'expected a zone name such as k8s.io'),
  /** Subdomains to check as written in the zone config ('' is the apex). */
  records: z.array(z.string().regex(/^$|^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/, 'expected a subdomain as written in the zone config (no wildcards)')).min(1),
  /** Only these record types (default: every supported type the zone config has for the name). */
  types: z.array(z.enum(DNS_RECORD_TYPES)).min(1).optional(),
  /** Resolvers to ask (default: the system's). */
  servers: z.array(dnsServer).min(1).optional(),
  timeoutMs: timeoutMs.default(2000),
});

export const gkeProbeSchema = z.strictObject({
  type: z.literal('gke'),
  ...common,
  project: gcpProject,
  location: z.string().regex(/^[a-z]+-[a-z]+\d(-[a-z])?$/, 'expected a GCP region or zone such as us-central1'),
  cluster: z.string().regex(/^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/, 'expected a GKE cluster name'),
});

/** Count of matching Cloud Logging entries over a window (Cloud Build failures, BigQuery job errors, ...). */
export const loggingProbeSchema = z
  .strictObject({
    type: z.literal('logging'),
    ...common,
    project: gcpProject,
    /** Cloud Logging filter; the probe adds the time window itself. */
    filter: z.string().min(1),
    windowMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
    /** More entries than this: degraded. */
    degradedAbove: z.number().int().min(0),
    /** More entries than this: down. */
    downAbove: z.number().int().min(0).max(1000).optional(),
  })
  .refine((p) => p.downAbove === undefined || p.downAbove >= p.degradedAbove, {
    message: 'downAbove must be at least degradedAbove',
    path: ['downAbove'],
  });

/** Newest matching Cloud Logging entry must be recent (a job that should run keeps running). */
export const loggingFreshnessProbeSchema = z
  .strictObject({
    type: z.literal('logging-freshness'),
    ...common,
    project: gcpProject,
    filter: z.string().min(1),
    /** Newest entry older than this: degraded. */
    maxAgeMinutes: z.number().int().min(1),
    /** Newest entry older than this (or none within it): down. Also bounds the query. */
    downAfterMinutes: z.number().int().min(1).max(30 * 24 * 60).optional(),
  })
  .refine((p) => p.downAfterMinutes === undefined || p.downAfterMinutes >= p.maxAgeMinutes, {
    message: 'downAfterMinutes must be at least maxAgeMinutes',
    path: ['downAfterMinutes'],
  });

export const PROBE_TYPES = ['http', 'dns', 'gke', 'logging', 'logging-freshness'] as const;

export const probeSchema = z.discriminatedUnion(
  'type',
  [httpProbeSchema, dnsProbeSchema, gkeProbeSchema, loggingProbeSchema, loggingFreshnessProbeSchema],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const given = typeof issue.input === 'object' && issue.input !== null ? (issue.input as { type?: unknown }).type : undefined;
      const expected = `expected one of ${PROBE_TYPES.join(', ')}`;
      return given === undefined ? `missing probe type; ${expected}` : `unknown probe type ${JSON.stringify(given)}; ${expected}`;
    },
  },
);

export type ProbeConfig = z.infer<typeof probeSchema>;
export type ProbeConfigInput = z.input<typeof probeSchema>;
export type HttpProbeConfig = z.infer<typeof httpProbeSchema>;
export type DnsProbeConfig = z.infer<typeof dnsProbeSchema>;
export type GkeProbeConfig = z.infer<typeof gkeProbeSchema>;
export type LoggingProbeConfig = z.infer<typeof loggingProbeSchema>;
export type LoggingFreshnessProbeConfig = z.infer<typeof loggingFreshnessProbeSchema>;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];
