import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { retryInfoDelayMs } from './retry-info';

/** A google.rpc.Status with the given Any details, as a server would send it. */
function statusWith(...details: Array<[typeUrl: string, value: Uint8Array]>): Uint8Array {
  const status = new BinaryWriter()
    .uint32((1 << 3) | 0)
    .int32(8)
    .uint32((2 << 3) | 2)
    .string('busy');
  for (const [typeUrl, value] of details) {
    const any = new BinaryWriter()
      .uint32((1 << 3) | 2)
      .string(typeUrl)
      .uint32((2 << 3) | 2)
      .bytes(value);
    status.uint32((3 << 3) | 2).bytes(any.finish());
  }
  return status.finish();
}

const retryInfo = (seconds: number, nanos: number): Uint8Array => {
  const duration = new BinaryWriter()
    .uint32((1 << 3) | 0)
    .int64(seconds)
    .uint32((2 << 3) | 0)
    .int32(nanos)
    .finish();
  return new BinaryWriter()
    .uint32((1 << 3) | 2)
    .bytes(duration)
    .finish();
};

describe('RetryInfo in grpc-status-details-bin', () => {
  it('reads the retry delay in ms', () => {
    const details = statusWith([
      'type.googleapis.com/google.rpc.RetryInfo',
      retryInfo(1, 500_000_000),
    ]);
    expect(retryInfoDelayMs(details)).toBe(1_500);
  });

  it('finds it among other details', () => {
    const details = statusWith(
      ['type.googleapis.com/google.rpc.ErrorInfo', new Uint8Array([10, 1, 65])],
      ['type.googleapis.com/google.rpc.RetryInfo', retryInfo(0, 250_000_000)],
    );
    expect(retryInfoDelayMs(details)).toBe(250);
  });

  it('gives nothing without RetryInfo, for a zero delay, or for garbage', () => {
    expect(retryInfoDelayMs(statusWith())).toBeUndefined();
    expect(
      retryInfoDelayMs(statusWith(['type.googleapis.com/google.rpc.RetryInfo', retryInfo(0, 0)])),
    ).toBeUndefined();
    expect(retryInfoDelayMs(new Uint8Array([0xff, 0xff, 0xff]))).toBeUndefined();
  });
});
