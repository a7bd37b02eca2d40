import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Field names whose values are secrets wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'routingKey',
  '*.routingKey',
  'routing_key',
  '*.routing_key',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  '*.headers["x-hub-signature-256"]',
  '*.headers["x-pagerduty-signature"]',
  'phone',
  '*.phone',
  '*.*.phone',
  'alternateEmails',
  '*.alternateEmails',
  '*.*.alternateEmails',
];

/**
 * JSON logs with secrets removed twice over: by field name, and by value — any configured secret
 * that ends up inside a message or an error string is replaced before the line is written.
 */
export function createLogger(options: { level: string; secretValues?: readonly string[]; destination?: DestinationStream }): Logger {
  // Read at each line, not copied: a capability's own secret (SMTP_URL, a key) is added to the
  // list when the capability reads it, after the logger exists.
  const secrets = options.secretValues ?? [];
  const scrub = (line: string) => secrets.reduce((acc, s) => (s.length >= 6 ? acc.split(s).join('[redacted]') : acc), line);
  const destination: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: false });
  const scrubbed: DestinationStream = options.secretValues === undefined ? destination : { write: (line: string) => destination.write(scrub(line)) };
  return pino(
    {
      level: options.level,
      base: { service: 'k8s-infra-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    scrubbed,
  );
}
