/**
 * `@os2kitos/server`: the OS2KITOS HTTP server. KITOS API v2 compatible resources and our
 * extensions on Hono, an OpenAPI 3.1 document generated from zod schemas, problem details for
 * every error, three ways to authenticate (API tokens, OIDC bearer tokens, cookie sessions), and
 * the `os2kitos` command line.
 *
 * @example
 * ```ts
 * import { loadConfig, startServer } from '@os2kitos/server';
 * import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
 * const server = await startServer({ config: loadConfig({ env: process.env }), storage: createBetterSqliteStorage({ file: 'kitos.db' }) });
 * ```
 *
 * @packageDocumentation
 */
export { type AppOptions, createApp, createLogger, LOG_REDACT, SERVER_VERSION } from './app.js';
export {
  CONFIG_ENVIRONMENT,
  loadConfig,
  type OidcConfig,
  OidcConfigSchema,
  type ServerConfig,
  type ServerConfigInput,
  ServerConfigSchema,
} from './config.js';
export type { AuthMethod, RequestAuth, ServerEnv } from './env.js';
export { type RunningServer, type StartOptions, startServer } from './server.js';
export {
  type PendingSignIn,
  SERVER_KINDS,
  type StoredCredential,
  type StoredToken,
  type TokenPurpose,
} from './auth/kinds.js';
export {
  checkPassword,
  findUserByEmail,
  type IssuedToken,
  issueToken,
  listTokens,
  revokeToken,
  setPassword,
} from './auth/credentials.js';
export { createOidcVerifier, type OidcVerifier } from './auth/oidc.js';
export { hashPassword, verifyPassword } from './auth/secrets.js';
export { type Problem, ProblemSchema, problemOf, type ServerProblemCode, serverProblem } from './problem.js';
export { EXTENSION_PREFIX } from './x/routes.js';
export { type ChangeEvent, ChangeEventSchema, ChangeStreams } from './x/changes.js';
export { openStorage } from './storage.js';
export {
  type NotificationsConfig,
  NotificationsConfigSchema,
  type SmtpConfig,
  SmtpConfigSchema,
} from './config.js';
export {
  DELIVERY_KIND,
  type DeliveryAttempt,
  type DeliveryStatus,
  type StoredDelivery,
} from './notify/kinds.js';
export { createSmtpTransport, type MailMessage, type MailResult, type MailTransport } from './notify/mailer.js';
export { composeReminder, formatDate, type ReminderMessage, reminderLink } from './notify/messages.js';
export {
  type RunReport,
  type SchedulerEvents,
  type SchedulerOptions,
  NotificationScheduler,
} from './notify/scheduler.js';
export { type DeliveryQuery, listDeliveries } from './notify/deliveries.js';
export {
  importFromKitos,
  KITOS_IMPORT_KINDS,
  type KitosImportChange,
  type KitosImportCounts,
  KitosImportError,
  type KitosImportKind,
  type KitosImportOptions,
  type KitosImportProgress,
  type KitosImportReport,
} from './import-kitos/import.js';
export type {
  ImportIssue as KitosImportIssue,
  ImportIssueCode as KitosImportIssueCode,
} from './import-kitos/convert.js';
export { KITOS_PAGE_SIZE, KitosSource, KitosSourceError, type KitosSourceOptions } from './import-kitos/source.js';
export {
  fileImportStateStore,
  type KitosImportState,
  type KitosImportStateStore,
  memoryImportStateStore,
  sourceKey,
} from './import-kitos/state.js';
