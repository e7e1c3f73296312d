/**
 * An error with the status Consul would answer and its plain-text body.
 * Anything else thrown by a handler is a 500 with the error's text, as
 * Consul's `wrap` does.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
