/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, port 0): it keeps every message it
 * accepts, parsed with mailparser, refuses recipients whose address starts with `bounce`, and can
 * be told to answer the next few messages with a temporary failure. Tests wait on its `message`
 * event, never on a timer.
 */
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly parsed: ParsedMail;
  /** The reminder key the scheduler puts in a header. */
  readonly key: string;
}

export interface TestSmtp {
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Answers the next `n` messages with `451` (try again later). */
  failNext(n: number): void;
  /** Resolves once at least `n` messages have arrived. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const events = new EventEmitter();
  const messages: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (failures > 0) {
        failures--;
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce'))
        return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            parsed,
            key: String(parsed.headers.get('x-os2kitos-reminder') ?? ''),
          });
          callback();
          events.emit('message');
        })
        .catch(callback);
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    failNext: (n) => {
      failures = n;
    },
    waitFor: async (n) => {
      while (messages.length < n) await once(events, 'message');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
