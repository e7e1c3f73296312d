import { EventEmitter } from 'node:events';

interface CheckEventMap {
  /** A check's status became critical (sessions bound to it are invalidated). */
  critical: [checkId: string];
  /** A check was removed, with its service or alone. */
  deregistered: [checkId: string];
}

/** How the catalog tells sessions about checks, without either owning the other. */
export class CheckEvents extends EventEmitter<CheckEventMap> {}
