import { BadRequestException, NotFoundException } from '@nestjs/common';
import { GrpcCallError, GrpcStatus } from '@junction/grpc-client';
import { toProblem } from './problem-details';

const callError = (code: GrpcStatus, details: string, reason?: string) =>
  new GrpcCallError(code, details, 'catalog', '/catalog.v1.CatalogService/GetProduct', reason);

describe('toProblem', () => {
  it('passes a caller-facing upstream message through with its mapped status', () => {
    expect(
      toProblem(callError(GrpcStatus.NOT_FOUND, 'product 9 not found', 'PRODUCT_NOT_FOUND')),
    ).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'product 9 not found',
      reason: 'PRODUCT_NOT_FOUND',
    });
  });

  it('hides an infrastructure error text that may name internal hosts', () => {
    const problem = toProblem(
      callError(
        GrpcStatus.UNAVAILABLE,
        'No connection established. Last error: connect ECONNREFUSED 10.0.0.7:9101',
      ),
    );
    expect(problem.status).toBe(503);
    expect(problem.detail).toBe('catalog failed: unavailable');
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
  });

  it('passes on a failure a Junction service worded for callers (it names a reason)', () => {
    const problem = toProblem(
      callError(GrpcStatus.UNAVAILABLE, 'catalog unavailable', 'UPSTREAM_UNAVAILABLE'),
    );
    expect(problem).toMatchObject({
      status: 503,
      detail: 'catalog unavailable',
      reason: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('keeps the field list of a validation failure', () => {
    const error = new BadRequestException({
      message: 'request body is invalid',
      errors: ['items: must be an array'],
    });
    expect(toProblem(error)).toMatchObject({ status: 400, errors: ['items: must be an array'] });
  });

  it('uses an HttpException status and message', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'Cannot GET /nope',
    });
  });

  it('keeps the 4xx of a request error raised by the HTTP server', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge)).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers anything else as a bare 500 without its message', () => {
    const problem = toProblem(new TypeError('cannot read x of undefined at /srv/app.js:10'));
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'internal error',
    });
  });
});
