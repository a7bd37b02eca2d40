/** Sends the kubernetes-dev@ notice through an SMTP relay (configured with SMTP_URL). */
export interface NoticeMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** The same id on a resend, so the list's archive can tell a duplicate. */
  messageId: string;
}

export interface NoticeMailer {
  send(mail: NoticeMail): Promise<void>;
}
