import type { AuditSink } from '../../access/ports/audit-sink.ts';
import type { CloudLoggingAuditSinkOptions } from './cloud-logging-audit-sink.ts';

/**
 * A Cloud Logging sink whose Google client is imported on the first entry, so start-up and
 * memory don't pay for it until an access request is audited.
 */
export function lazyCloudLoggingAuditSink(options: CloudLoggingAuditSinkOptions): AuditSink {
  let loaded: Promise<AuditSink> | undefined;
  return {
    record: async (entry, recordOptions) => {
      loaded ??= import('./cloud-logging-audit-sink.ts').then((m) => new m.CloudLoggingAuditSink(options));
      return (await loaded).record(entry, recordOptions);
    },
  };
}
