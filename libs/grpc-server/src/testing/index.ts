export { statusErrorOf } from './status-error-of';
export { asCaller } from './as-caller';
