import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpNoticeMailer } from '../../../src/integrations/smtp/smtp-notice-mailer.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from './local-smtp-server.ts';

const mail = { to: 'dev@kubernetes.io', from: 'k8s-infra-bot@kubernetes.io', subject: '[LAZY CONSENSUS] Move the redirector (medium risk)', text: `Hello Kubernetes contributors,\n\n${'A long line that nodemailer wraps. '.repeat(6)}\nTracking issue: https://github.com/kubernetes/k8s.io/issues/8`, messageId: '<chg-0000abcd.notice@k8s-infra-bot>' };

describe('the kubernetes-dev@ notice through an SMTP relay (nodemailer against a local SMTP server)', () => {
  let smtp: LocalSmtpServer;
  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('sends it, logged in, with its Message-ID', async () => {
    await createSmtpNoticeMailer({ url: smtp.url, timeoutMs: 5000 }).send(mail);
    const got = smtp.received.at(-1)!;
    expect(got).toMatchObject({ from: mail.from, to: [mail.to], subject: mail.subject, messageId: mail.messageId });
    expect(got.text).toBe(mail.text);
  });

  it('says what failed, never the relay’s password', async () => {
    smtp.refuseNext(1);
    const refused = createSmtpNoticeMailer({ url: smtp.url, timeoutMs: 5000 }).send(mail);
    await expect(refused).rejects.toThrow(/SMTP relay failed: .*\(SMTP 451\)/);
    await expect(refused).rejects.not.toThrow(/secret/);
    const badLogin = createSmtpNoticeMailer({ url: smtp.url.replace('secret', 'wrong-password'), timeoutMs: 5000 }).send(mail);
    await expect(badLogin).rejects.toThrow(/EAUTH/);
    await expect(badLogin).rejects.not.toThrow(/wrong-password/);
  });

  it('gives up on a relay that never answers, within its timeout', async () => {
    const silent = createServer(() => undefined); // accepts, never greets
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    const started = performance.now();
    await expect(createSmtpNoticeMailer({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 300 }).send(mail)).rejects.toThrow(/SMTP relay failed/);
    expect(performance.now() - started).toBeLessThan(3000);
    silent.close();
  });
});
