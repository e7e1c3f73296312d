import { parseGrpcTimeout } from './grpc-timeout';

describe('parseGrpcTimeout', () => {
  it.each([
    ['1H', 3_600_000],
    ['2M', 120_000],
    ['3S', 3000],
    ['45m', 45],
    ['1500u', 1.5],
    ['2000000n', 2],
    ['99999999m', 99_999_999],
  ])('reads %s as %d ms', (value, ms) => {
    expect(parseGrpcTimeout(value)).toBeCloseTo(ms, 9);
  });

  it.each(['', '5', 'S', '123456789m', '1 S', ' 1S', '1S ', '-1m', '1.5S', '1s', '1x'])(
    'refuses %p',
    (value) => {
      expect(parseGrpcTimeout(value)).toBeUndefined();
    },
  );
});
