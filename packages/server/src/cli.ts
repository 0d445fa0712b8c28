/**
 * The `os2kitos` command line: `serve`, `migrate`, `create-admin`, `token` and `import-kitos`. Settings come from
 * `--config <file>`, `KITOS_*` environment variables and flags, in that order of precedence
 * (flags win). Passwords are read from `KITOS_ADMIN_PASSWORD` or standard input, never from
 * arguments (which other users of the machine can see).
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { createKitos, type Kitos } from '@os2kitos/core';
import { createLogger } from './app.js';
import { findUserByEmail, issueToken, listTokens, revokeToken, setPassword } from './auth/credentials.js';
import { SERVER_KINDS } from './auth/kinds.js';
import { loadConfig, type ServerConfigInput } from './config.js';
import { importFromKitos } from './import-kitos/import.js';
import { fileImportStateStore } from './import-kitos/state.js';
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
  import-kitos   import an organisation from a running KITOS through its API v2 (a dry run
                 unless --apply): --kitos-url <url> --organization <uuid> --as <e-mail of the
                 user here who writes>; KITOS token from KITOS_SOURCE_TOKEN, or --kitos-email <e>
                 with the password from KITOS_SOURCE_PASSWORD or stdin;
                 [--apply] [--full] [--state <file>] [--json] [--lang da|en]

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
      'kitos-url': { type: 'string' },
      'kitos-email': { type: 'string' },
      organization: { type: 'string' },
      as: { type: 'string' },
      apply: { type: 'boolean' },
      full: { type: 'boolean' },
      state: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (!['serve', 'migrate', 'create-admin', 'token', 'import-kitos'].includes(command))
    return usageError(`unknown command ${command}`);
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
      case 'import-kitos':
        return await importKitosCommand(kitos, values, env);
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

/** `import-kitos`: runs {@link importFromKitos}, progress on stderr, the report on stdout. */
async function importKitosCommand(
  kitos: Kitos,
  values: Record<string, string | boolean | undefined>,
  env: Record<string, string | undefined>,
): Promise<number> {
  const url = values['kitos-url'] as string | undefined;
  const organizationUuid = values.organization as string | undefined;
  const asEmail = values.as as string | undefined;
  if (!url || !organizationUuid || !asEmail)
    return usageError('import-kitos needs --kitos-url, --organization and --as');
  const lang = values.lang === 'en' ? 'en' : 'da';
  if (values.lang !== undefined && values.lang !== 'da' && values.lang !== 'en')
    return usageError('--lang is da or en');
  const user = await findUserByEmail(kitos, asEmail);
  if (!user) return usageError(`no user with e-mail ${asEmail}`);
  const kitosEmail = values['kitos-email'] as string | undefined;
  const token = kitosEmail ? undefined : env.KITOS_SOURCE_TOKEN;
  if (!kitosEmail && !token) return usageError('import-kitos needs KITOS_SOURCE_TOKEN or --kitos-email');
  const credentials = kitosEmail
    ? { email: kitosEmail, password: env.KITOS_SOURCE_PASSWORD ?? (await readStdin()) }
    : undefined;
  const apply = values.apply === true;
  let last = '';
  const report = await importFromKitos({
    baseUrl: url,
    token,
    credentials,
    organizationUuid,
    kitos,
    actor: { userUuid: user.uuid },
    state: fileImportStateStore((values.state as string | undefined) ?? '.kitos-import-state.json'),
    apply,
    full: values.full === true,
    onProgress: (p) => {
      // One line per kind and phase, its count rewritten in place.
      const line = `${p.phase === 'read' ? 'reading' : 'writing'} ${p.kind}`;
      if (last && line !== last) process.stderr.write('\n');
      process.stderr.write(`\r${line} ${p.done}${p.total === undefined ? '' : `/${p.total}`}`);
      last = line;
    },
  });
  if (last) process.stderr.write('\n');
  // Exit 3 when the core refused records (the report names them), as a script's cue to look.
  const code = Object.values(report.counts).some((c) => c.rejected > 0) ? 3 : 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return code;
  }
  const da = lang === 'da';
  process.stdout.write(
    `${apply ? (da ? 'Importeret' : 'Imported') : da ? 'Prøvekørsel (intet gemt; --apply gemmer)' : 'Dry run (nothing stored; --apply stores)'}` +
      ` ${report.incremental ? (da ? 'ændringer siden sidst' : 'changes since the last run') : da ? 'alt' : 'everything'}` +
      ` ${da ? 'fra' : 'from'} ${url}\n\n`,
  );
  const head = da
    ? ['art', 'oprettet', 'ændret', 'uændret', 'slettet', 'afvist']
    : ['kind', 'created', 'changed', 'unchanged', 'deleted', 'rejected'];
  const rows = [
    head,
    ...Object.entries(report.counts).map(([kind, c]) => [
      kind,
      ...[c.created, c.changed, c.unchanged, c.deleted, c.rejected].map(String),
    ]),
  ];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}\n`);
  if (report.issues.length) {
    process.stdout.write(`\n${report.issues.length} ${da ? 'værdier passede ikke' : 'values did not fit'}:\n`);
    for (const i of report.issues)
      process.stdout.write(`${i.kind} ${i.uuid}${i.name ? ` (${i.name})` : ''}: ${i.message[lang]}\n`);
  }
  process.stdout.write(
    `\n${report.requests} ${da ? 'kald til KITOS' : 'requests to KITOS'}, ${report.retries} ${da ? 'gentaget' : 'retried'}\n`,
  );
  return code;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}
