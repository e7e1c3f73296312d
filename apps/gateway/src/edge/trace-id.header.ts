/** Response header with the request's W3C trace id, on every response. */
export const TRACE_ID_HEADER = 'x-trace-id';
