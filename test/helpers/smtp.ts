/**
 * A real SMTP server on 127.0.0.1 (smtp-server) for the alert tests: it accepts every mail, parses it
 * (mailparser) and keeps it. A mail counts as delivered when the server acknowledges its DATA (250).
 * `hooks` let a test act at each SMTP step (the kill test stops the sender there).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Delivered {
  parsed: ParsedMail;
  raw: string;
  to: string[];
  messageId: string;
  /** the value of a header as sent ("List-Unsubscribe" → "<https://…>") */
  header(name: string): string | undefined;
}

export interface SmtpHooks {
  /** at the connection, MAIL FROM, RCPT TO (false: a 451 answer), and after the whole DATA was received but before the 250 (false: no answer at all) */
  onStep?: (step: 'connect' | 'mail' | 'rcpt' | 'data') => boolean | Promise<boolean>;
  /** right after the 250 was sent */
  onAccepted?: (mail: Delivered) => void;
}

export interface TestSmtp {
  port: number;
  url: string;
  mails: Delivered[];
  hooks: SmtpHooks;
  /** mails to this address, in arrival order */
  to(address: string): Delivered[];
  /** resolves when `n` mails in total have arrived (rejects after `ms`) */
  waitFor(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: Delivered[] = [];
  const hooks: SmtpHooks = {};
  const step = async (s: 'connect' | 'mail' | 'rcpt' | 'data') => (hooks.onStep ? hooks.onStep(s) : true);
  /** a refusal is a temporary failure (451), as a greylisting or overloaded server answers */
  const refused = () => Object.assign(new Error('try again later'), { responseCode: 451 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, cb) {
      step('connect').then((ok) => cb(ok ? undefined : refused()), cb);
    },
    onMailFrom(_address, _session, cb) {
      step('mail').then((ok) => cb(ok ? undefined : refused()), cb);
    },
    onRcptTo(_address, _session, cb) {
      step('rcpt').then((ok) => cb(ok ? undefined : refused()), cb);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void (async () => {
          if (!(await step('data'))) return; // no answer at all: the sender sees no 250
          const parsed = await simpleParser(raw);
          const mail: Delivered = {
            parsed,
            raw,
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: parsed.messageId ?? '',
            header: (name) => {
              const m = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw.split(/\r?\n\r?\n/)[0]);
              return m ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : undefined;
            },
          };
          mails.push(mail);
          cb();
          hooks.onAccepted?.(mail);
        })().catch((err) => cb(err as Error));
      });
    },
  });
  // a client killed mid-conversation resets its connection: that is expected here, not a failure
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    hooks,
    to: (address) => mails.filter((m) => m.to.includes(address)),
    waitFor(n, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const look = () => {
          if (mails.length >= n) resolve();
          else if (Date.now() - started > ms) reject(new Error(`expected ${n} mails, got ${mails.length}`));
          else setTimeout(look, 20);
        };
        look();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
