export { statusErrorOf } from './status-error-of';
