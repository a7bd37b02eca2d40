import { lazyModule, warmBeforeReady } from '../../core/lazy-module.ts';
import type { NoticeMail, NoticeMailer } from '../../changes/ports/notice-mailer.ts';

export interface SmtpNoticeMailerOptions {
  /** SMTP_URL: `smtp://user:pass@relay:587` or `smtps://…`. A secret: never logged. */
  url: string;
  /** Connecting, the greeting and each socket read are bounded by this. */
  timeoutMs: number;
}

/**
 * The kubernetes-dev@ notice through an SMTP relay (nodemailer). Errors say what failed without
 * the URL (it holds the relay's password).
 */
export function createSmtpNoticeMailer(options: SmtpNoticeMailerOptions): NoticeMailer {
  // nodemailer is loaded (before ready) only by a bot that has an SMTP relay configured.
  const transport = lazyModule(async () => {
    const { createTransport } = await import('nodemailer');
    return createTransport({ url: options.url, connectionTimeout: options.timeoutMs, greetingTimeout: options.timeoutMs, socketTimeout: options.timeoutMs });
  });
  warmBeforeReady(transport);
  return {
    async send(mail: NoticeMail): Promise<void> {
      try {
        const smtp = await transport();
        await smtp.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      } catch (err) {
        const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : 'error';
        const response = err && typeof err === 'object' && 'responseCode' in err ? ` (SMTP ${String(err.responseCode)})` : '';
        throw new Error(`sending the notice through the SMTP relay failed: ${code}${response}`);
      }
    },
  };
}
