/**
 * Every `kitos-*` event the widgets dispatch. Each is declared on `HTMLElementEventMap`, so
 * `addEventListener('kitos-select', …)` is typed.
 *
 * @module
 */
export type { KitosErrorDetail, KitosErrorEvent } from './kitos-error.js';
export type { KitosSelectDetail, KitosSelectEvent, KitosSelectKind } from './kitos-select.js';
export type { KitosToggleDetail, KitosToggleEvent } from './kitos-toggle.js';
export type { KitosViewChangeDetail, KitosViewChangeEvent } from './kitos-view-change.js';
export type { KitosConflictDetail, KitosConflictEvent } from './kitos-conflict.js';
export type { KitosDeletedDetail, KitosDeletedEvent } from './kitos-deleted.js';
export type { KitosRecordKind, KitosSavedDetail, KitosSavedEvent } from './kitos-saved.js';
export type { KitosRolesTransferredDetail, KitosRolesTransferredEvent } from './kitos-roles-transferred.js';
