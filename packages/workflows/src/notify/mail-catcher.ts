import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the catcher accepted. */
export interface CaughtMail {
  seq: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
}

/**
 * A local SMTP server that keeps every mail in memory and shows them on a small web inbox:
 * `npm start` runs one and prints its address; the tests use the same one. Not for production:
 * SMTP_URL points the product at a real server. Its HTTP API (`/api/messages?messageId=`) lets the
 * delivery ask whether an interrupted attempt's mail arrived.
 */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private smtp: SMTPServer | undefined;
  private http: Server | undefined;
  private seq = 0;
  smtpPort = 0;
  httpPort = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly o: { smtpPort?: number; httpPort?: number; host?: string } = {}) {}

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  get webUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async start(): Promise<this> {
    await this.smtpUp();
    this.http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://catcher');
      if (url.pathname === '/api/messages' && req.method === 'DELETE') {
        this.mails.length = 0;
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/api/messages') {
        const id = url.searchParams.get('messageId');
        const to = url.searchParams.get('to');
        const found = this.mails.filter((m) => (!id || m.messageId === id) && (!to || m.to.includes(to)));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
        return;
      }
      const one = /^\/messages\/(\d+)$/.exec(url.pathname);
      if (one) {
        const m = this.mails.find((x) => x.seq === Number(one[1]));
        if (!m) return void res.writeHead(404).end('not found');
        // The mail's own HTML in a sandboxed frame: its links work, its scripts (none) would not.
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><meta charset="utf-8"><title>${esc(m.subject)}</title><p><a href="/">← Hộp thư / inbox</a></p>` +
              `<p><b>${esc(m.subject)}</b><br>Từ / from: ${esc(m.from)}<br>Đến / to: ${esc(m.to.join(', '))}<br>${esc(m.receivedAt)}<br>Message-ID: ${esc(m.messageId)}</p>` +
              `<iframe sandbox="allow-popups allow-top-navigation-by-user-activation" style="width:100%;height:60vh;border:1px solid #ccc" srcdoc="${esc(m.html)}"></iframe><pre>${esc(m.text)}</pre>`,
          );
        return;
      }
      if (url.pathname === '/') {
        const rows = [...this.mails]
          .reverse()
          .map(
            (m) =>
              `<tr><td>${esc(m.receivedAt)}</td><td>${esc(m.to.join(', '))}</td><td><a href="/messages/${m.seq}">${esc(m.subject)}</a></td></tr>`,
          )
          .join('');
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><meta charset="utf-8"><title>Hộp thư thử / mail catcher</title><body style="font-family:sans-serif">` +
              `<h2>Hộp thư thử của Đồng Hành / local mail catcher (${this.mails.length})</h2>` +
              `<p>Mọi thư sản phẩm gửi khi chạy cục bộ đều về đây / every mail the local product sends lands here.</p>` +
              `<table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>nhận lúc / received</th><th>đến / to</th><th>tiêu đề / subject</th></tr>${rows}</table>`,
          );
        return;
      }
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve, reject) => {
      this.http?.once('error', reject);
      this.http?.listen(this.o.httpPort ?? 0, this.o.host ?? '127.0.0.1', () => resolve());
    });
    this.httpPort = (this.http.address() as AddressInfo).port;
    return this;
  }

  /** Opens the SMTP side (again, on the same port after `smtpDown`). */
  async smtpUp(): Promise<void> {
    const smtp = new SMTPServer({
      authOptional: true,
      // An outage closes the port at once: open connections are cut rather than waited for.
      closeTimeout: 100,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of parsed.headers) if (typeof v === 'string') headers[k] = v;
            this.mails.push({
              seq: ++this.seq,
              messageId: parsed.messageId ?? '',
              from: parsed.from?.text ?? '',
              to: (session.envelope.rcptTo ?? []).map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers,
              receivedAt: new Date().toISOString(),
            });
            for (const w of this.waiters) w();
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(this.smtpPort || this.o.smtpPort || 0, this.o.host ?? '127.0.0.1', () => resolve());
    });
    this.smtp = smtp;
    this.smtpPort = (smtp.server.address() as AddressInfo).port;
  }

  /** Closes the SMTP side: an outage (connections are refused until `smtpUp`). */
  async smtpDown(): Promise<void> {
    const smtp = this.smtp;
    this.smtp = undefined;
    if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }

  /** Resolves once `predicate` holds over the mails caught so far. */
  async waitFor(predicate: (mails: CaughtMail[]) => boolean, timeoutMs = 20_000): Promise<CaughtMail[]> {
    if (predicate(this.mails)) return this.mails;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.mails)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.mails);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`mail catcher: condition not met in ${timeoutMs} ms (${this.mails.length} mails)`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async stop(): Promise<void> {
    await this.smtpDown();
    const http = this.http;
    this.http = undefined;
    if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
