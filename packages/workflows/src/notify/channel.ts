import { createHmac, timingSafeEqual } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

/** One message to one person, already rendered from the allow-list. */
export interface OutgoingMessage {
  to: string;
  /** The same on every attempt (`<n-…@donghanh>`): the channel can be asked about it later. */
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Where notifications leave the product: e-mail today (SMTP through nodemailer), SMS or Zalo
 * later behind the same two calls.
 */
export interface NotificationChannel {
  readonly name: string;
  /** Resolves once the far side accepted the message; throws a `ChannelError` otherwise. */
  send(message: OutgoingMessage): Promise<{ response: string }>;
  /**
   * Whether the far side holds this message id: true / false when it can say, undefined when it
   * cannot (a plain SMTP server). Asked only after an attempt died mid-send.
   */
  wasAccepted(messageId: string): Promise<boolean | undefined>;
}

/** What the notification activities send through; absent, notifications stay in the bell only. */
export interface Mailer {
  channel: NotificationChannel;
  /** The dashboard's public address: links in mails point there (and need signing in). */
  appUrl: string;
  /** Signs unsubscribe links (derived from the data key by the apps). */
  unsubscribeSecret: string;
  /**
   * h13: the clock mails are timed by (quiet hours, digests): now, and how long in real time
   * until an instant of it. The real clock by default; tests run it faster to prove quiet hours
   * end to end.
   */
  clock?: MailClock;
}

export interface MailClock {
  now(): Date;
  realMsUntil(at: Date): number;
}

/**
 * A failed send. `notAccepted` is true only when the server certainly did not take the message
 * (no connection, or it answered with a refusal before or at the end of DATA): then it is safe to
 * send again. A connection lost after the message's data went out is ambiguous.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly notAccepted: boolean,
  ) {
    super(message);
  }
}

/**
 * nodemailer reports most socket failures as command 'CONN' whatever the session's point, so
 * only these prove the message was not taken: the connection never opened (or never greeted), the
 * server refused with a 4xx/5xx reply, the envelope or the sign-in failed. A socket error or
 * timeout later in the session is ambiguous: the server may have accepted the data.
 */
export function classifySmtpError(error: unknown): ChannelError {
  const e = error as {
    code?: string;
    responseCode?: number;
    message?: string;
    syscall?: string;
    errno?: number;
  };
  const message = e.message ?? String(error);
  const refused = typeof e.responseCode === 'number' && e.responseCode >= 400;
  const neverConnected =
    e.syscall === 'connect' ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|Greeting never received|Connection timeout/.test(
      message,
    );
  const early = e.code !== undefined && ['EDNS', 'ETLS', 'EAUTH', 'EENVELOPE'].includes(e.code);
  return new ChannelError(message, refused || neverConnected || early);
}

export interface SmtpChannelOptions {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
  url: string;
  from: string;
  /**
   * The local catcher's HTTP address (npm start, tests): it can say whether it holds a message
   * id. A real SMTP server cannot, so an interrupted attempt there is never resent.
   */
  catcherUrl?: string | undefined;
  /** Per-connection socket timeouts, shorter than the delivery activity's own timeout. */
  timeoutMs?: number;
}

export class SmtpChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(private readonly o: SmtpChannelOptions) {
    const timeout = o.timeoutMs ?? 10_000;
    // Pooled: a burst of reminders reuses a few connections instead of one per mail.
    this.transport = nodemailer.createTransport(o.url, {
      pool: true,
      maxConnections: 5,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as never);
  }

  async send(m: OutgoingMessage): Promise<{ response: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.o.from,
        to: m.to,
        messageId: m.messageId,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: m.headers ?? {},
      });
      const rejected = info.rejected ?? [];
      if (rejected.length > 0) throw new ChannelError(`rejected ${rejected.join(',')}`, true);
      return { response: info.response ?? '' };
    } catch (error) {
      if (error instanceof ChannelError) throw error;
      throw classifySmtpError(error);
    }
  }

  async wasAccepted(messageId: string): Promise<boolean | undefined> {
    if (!this.o.catcherUrl) return undefined;
    const r = await fetch(`${this.o.catcherUrl}/api/messages?messageId=${encodeURIComponent(messageId)}`);
    if (!r.ok) throw new Error(`catcher answered ${r.status}`);
    return ((await r.json()) as unknown[]).length > 0;
  }

  close(): void {
    this.transport.close();
  }
}

/** The signed token of an unsubscribe link: works without signing in, only for its person. */
export function unsubscribeToken(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\u0000${userId}`).digest('base64url').slice(0, 32);
}

export function verifyUnsubscribeToken(secret: string, userId: string, token: string): boolean {
  const want = Buffer.from(unsubscribeToken(secret, userId));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** The unsubscribe links' signing secret, derived from the data key (every server and worker has it). */
export function unsubscribeSecretFrom(dataKey: string): string {
  return createHmac('sha256', Buffer.from(dataKey.trim(), 'base64'))
    .update('donghanh-unsubscribe-v1')
    .digest('base64url');
}

/**
 * The mailer the apps build from their environment: SMTP_URL (a real server, or the local catcher
 * `npm start` runs), MAIL_FROM, APP_URL for links, MAIL_CATCHER_URL when the server is the catcher.
 * Without SMTP_URL there is no mailer: notifications reach the bell only.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | undefined {
  const url = env.SMTP_URL?.trim();
  if (!url) return undefined;
  return {
    channel: new SmtpChannel({
      url,
      from: env.MAIL_FROM?.trim() || 'Đồng Hành <khong-tra-loi@donghanh.local>',
      catcherUrl: env.MAIL_CATCHER_URL?.trim() || undefined,
    }),
    appUrl: env.APP_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`,
    unsubscribeSecret: unsubscribeSecretFrom(env.DATA_KEY ?? ''),
  };
}
