/**
 * The mail transport: nodemailer over SMTP, behind a two-method interface so tests and other
 * deployments can pass their own.
 *
 * @module
 */
import type { SmtpConfig } from '../config.js';

/** One e-mail to send. */
export interface MailMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the SMTP server said about a sent message. */
export interface MailResult {
  readonly messageId: string;
  /** Recipients the server accepted and refused. */
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
  /** The server's final reply, e.g. `250 OK`. */
  readonly response: string;
}

/** Sends e-mail. `sendMail` rejects when no recipient was accepted or the server failed. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<MailResult>;
  close?(): void;
}

/**
 * A nodemailer SMTP transport for the `smtp` settings (nodemailer loads only when used).
 *
 * @example
 * ```ts
 * const transport = await createSmtpTransport({ host: 'smtp.kommune.dk', port: 587, secure: false,
 *   requireTls: true, from: 'KITOS <kitos@kommune.dk>', timeoutMs: 30_000 });
 * ```
 */
export async function createSmtpTransport(smtp: SmtpConfig): Promise<MailTransport> {
  const { default: nodemailer } = await import('nodemailer');
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
  });
  return {
    async sendMail(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: [...message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers ? { ...message.headers } : undefined,
      });
      const addresses = (list: unknown) =>
        (Array.isArray(list) ? list : []).map((a) => (typeof a === 'string' ? a : (a as { address: string }).address));
      return {
        messageId: info.messageId,
        accepted: addresses(info.accepted),
        rejected: addresses(info.rejected),
        response: info.response,
      };
    },
    close: () => transporter.close(),
  };
}
