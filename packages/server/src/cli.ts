/**
 * The `os2kitos` command line: `serve`, `migrate`, `create-admin` and `token`. Settings come from
 * `--config <file>`, `KITOS_*` environment variables and flags, in that order of precedence
 * (flags win). Passwords are read from `KITOS_ADMIN_PASSWORD` or standard input, never from
 * arguments (which other users of the machine can see).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { createKitos } from '@os2kitos/core';
import { createLogger } from './app.js';
import { findUserByEmail, issueToken, listTokens, revokeToken, setPassword } from './auth/credentials.js';
import { SERVER_KINDS } from './auth/kinds.js';
import { loadConfig, type ServerConfigInput } from './config.js';
import { startServer } from './server.js';
import { openStorage } from './storage.js';

const USAGE = `usage: os2kitos <command> [options]

commands:
  serve          start the HTTP server
  migrate        create or upgrade the store's tables, then exit
  create-admin   first start: create the global administrator
                 --email <e> --first-name <f> --last-name <l>; password from KITOS_ADMIN_PASSWORD or stdin
  token issue    issue an API token: --email <e> [--ttl <seconds>] [--label <text>]
  token revoke   revoke a token or session: --uuid <uuid>
  token list     list a user's tokens and sessions: --email <e>

common options:
  --config <file>      JSON settings (see docs/guides/server.md)
  --database <url>     memory | file:<path> | postgres://…  (default file:./kitos.db)
  --host <host>        --port <port>
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * Runs one command; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['migrate', '--database', 'file:./kitos.db']);
 * ```
 */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      database: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      email: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      ttl: { type: 'string' },
      label: { type: 'string' },
      uuid: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (!['serve', 'migrate', 'create-admin', 'token'].includes(command)) return usageError(`unknown command ${command}`);
  const overrides: ServerConfigInput = {};
  if (values.database) overrides.database = values.database;
  if (values.host) overrides.host = values.host;
  if (values.port) overrides.port = Number(values.port);
  const config = loadConfig({ env, file: values.config, overrides });
  const log = createLogger(config.logLevel);

  if (command === 'serve') {
    const storage = await openStorage(config.database, { poolSize: config.databasePoolSize });
    const server = await startServer({ config, storage, logger: log });
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log.info({ signal }, 'signal received');
        server.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  }

  const storage = await openStorage(config.database, { poolSize: 2 });
  try {
    const kitos = await createKitos({ storage, extraKinds: SERVER_KINDS });
    switch (command) {
      case 'migrate':
        process.stdout.write(`migrated ${storage.name}\n`);
        return 0;
      case 'create-admin': {
        if (!values.email || !values['first-name'] || values['last-name'] === undefined) {
          process.stderr.write('create-admin needs --email, --first-name and --last-name\n');
          return 2;
        }
        const password = env.KITOS_ADMIN_PASSWORD ?? (await readStdin());
        const admin = await kitos.organizations.bootstrap({
          firstName: values['first-name'],
          lastName: values['last-name'],
          email: values.email,
        });
        await setPassword(kitos, admin.userUuid, password);
        process.stdout.write(`${admin.userUuid}\n`);
        return 0;
      }
      case 'token': {
        if (sub === 'revoke') {
          if (!values.uuid) return usageError('token revoke needs --uuid');
          const found = await revokeToken(kitos, values.uuid);
          process.stdout.write(found ? 'revoked\n' : 'no such token\n');
          return found ? 0 : 1;
        }
        if (!values.email) return usageError(`token ${sub ?? ''} needs --email`);
        const user = await findUserByEmail(kitos, values.email);
        if (!user) return usageError(`no user with e-mail ${values.email}`);
        if (sub === 'issue') {
          if (!user.hasApiAccess) process.stderr.write('warning: the user has no API access; calls will be refused\n');
          const issued = await issueToken(kitos, {
            userUuid: user.uuid,
            purpose: 'api',
            ttlSeconds: values.ttl ? Number(values.ttl) : config.tokenTtlSeconds,
            label: values.label ?? 'cli',
          });
          process.stdout.write(
            `${JSON.stringify({ uuid: issued.record.uuid, token: issued.secret, expires: issued.record.expiresAt })}\n`,
          );
          return 0;
        }
        if (sub === 'list') {
          for (const t of await listTokens(kitos, user.uuid))
            process.stdout.write(
              `${JSON.stringify({ uuid: t.uuid, purpose: t.purpose, label: t.label, expiresAt: t.expiresAt, revokedAt: t.revokedAt })}\n`,
            );
          return 0;
        }
        return usageError('token needs issue, revoke or list');
      }
      default:
        return usageError(`unknown command ${command}`);
    }
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}
