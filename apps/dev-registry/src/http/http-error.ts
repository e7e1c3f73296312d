/**
 * An error with the status Consul would answer and its plain-text body.
 * Anything else thrown by a handler is a 500 with the error's text, as
 * Consul's `wrap` does. `headers` go out with the error: Consul handlers
 * that `defer setMeta(...)` send their query meta even when they fail.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
