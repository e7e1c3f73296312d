import { status as Status } from '@grpc/grpc-js';
import { constants } from 'node:http2';
import { grpcStatusOfResponse } from './grpc-response-status';

describe('grpcStatusOfResponse', () => {
  it('reads status and percent-decoded message from the trailers', () => {
    expect(
      grpcStatusOfResponse(
        { ':status': 200 },
        { 'grpc-status': '5', 'grpc-message': 'no%20such%20thing' },
        0,
      ),
    ).toEqual({ code: Status.NOT_FOUND, details: 'no such thing' });
  });

  it('reads a trailers-only response from the headers', () => {
    expect(
      grpcStatusOfResponse({ ':status': 200, 'grpc-status': '14', 'grpc-message': 'down' }, {}, 0),
    ).toEqual({
      code: Status.UNAVAILABLE,
      details: 'down',
    });
  });

  it('shows a malformed message as sent', () => {
    expect(
      grpcStatusOfResponse({ ':status': 200 }, { 'grpc-status': '2', 'grpc-message': '100%' }, 0)
        .details,
    ).toBe('100%');
  });

  it('treats an out-of-range grpc-status as UNKNOWN', () => {
    expect(grpcStatusOfResponse({ ':status': 200 }, { 'grpc-status': '99' }, 0).code).toBe(
      Status.UNKNOWN,
    );
  });

  it('maps a refused stream to UNAVAILABLE, safe to retry elsewhere', () => {
    expect(grpcStatusOfResponse({}, {}, constants.NGHTTP2_REFUSED_STREAM).code).toBe(
      Status.UNAVAILABLE,
    );
  });

  it.each([
    [429, Status.UNAVAILABLE],
    [503, Status.UNAVAILABLE],
    [404, Status.UNIMPLEMENTED],
    [401, Status.UNAUTHENTICATED],
    [500, Status.UNKNOWN],
  ])('maps a non-gRPC HTTP %s to %s', (http, code) => {
    expect(grpcStatusOfResponse({ ':status': http }, {}, 0).code).toBe(code);
  });

  it('is UNAVAILABLE when the connection closed before any response', () => {
    expect(grpcStatusOfResponse({}, {}, constants.NGHTTP2_INTERNAL_ERROR).code).toBe(
      Status.UNAVAILABLE,
    );
  });

  it('is UNKNOWN when a 200 response ends without a status', () => {
    expect(grpcStatusOfResponse({ ':status': 200 }, {}, 0).code).toBe(Status.UNKNOWN);
  });
});
