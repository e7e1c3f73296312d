/** Milliseconds per `grpc-timeout` unit: Hours, Minutes, Seconds, milli, micro, nano. */
const UNIT_MS: Readonly<Record<string, number>> = {
  H: 3_600_000,
  M: 60_000,
  S: 1000,
  m: 1,
  u: 0.001,
  n: 0.000_001,
};

/** As the gRPC spec has it: at most 8 digits, then one unit. */
const TIMEOUT = /^(\d{1,8})([HMSmun])$/;

/** A `grpc-timeout` header in milliseconds, or undefined when it is malformed. */
export function parseGrpcTimeout(value: string): number | undefined {
  const match = TIMEOUT.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}
