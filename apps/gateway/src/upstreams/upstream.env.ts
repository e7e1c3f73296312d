import { envPrefix, upstreamAddressesField } from '@junction/config';
import { BALANCER_KINDS } from '@junction/discovery';
import { z } from 'zod';
import type { UpstreamDeclaration } from './upstreams.declaration';

/** `price-quotes` → `PRICE_QUOTES`, as a type, so each variable is a typed config key. */
type EnvPrefix<N extends string> = N extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${EnvPrefix<Tail>}`
  : Uppercase<N>;

/** @junction/config's envPrefix, with the variable's name kept in the type. */
const typedEnvPrefix = <N extends string>(name: N) => envPrefix(name) as EnvPrefix<N>;

/** The variable with an upstream's static addresses, e.g. `UPSTREAM_PRICE_QUOTES`. */
export const addressVariable = <N extends string>(name: N) =>
  `UPSTREAM_${typedEnvPrefix(name)}` as const;

/** The variable with an upstream's balancer, e.g. `BALANCER_PRICE_QUOTES`. */
export const balancerVariable = <N extends string>(name: N) =>
  `BALANCER_${typedEnvPrefix(name)}` as const;

const addressField = (declaration: UpstreamDeclaration) =>
  upstreamAddressesField(declaration.staticAddress);

// Unless declared otherwise an upstream keeps no per-instance state, so by load.
const balancerField = (declaration: UpstreamDeclaration) =>
  z.enum(BALANCER_KINDS).default(declaration.balancer ?? 'p2c');

type UpstreamEnv<U extends Readonly<Record<string, UpstreamDeclaration>>> = {
  readonly [N in keyof U & string as ReturnType<typeof addressVariable<N>>]: ReturnType<
    typeof addressField
  >;
} & {
  readonly [N in keyof U & string as ReturnType<typeof balancerVariable<N>>]: ReturnType<
    typeof balancerField
  >;
};

/**
 * UPSTREAM_<NAME> (used only when DISCOVERY=static) and BALANCER_<NAME> of
 * each declared upstream, with the declared defaults.
 */
export const upstreamEnv = <U extends Readonly<Record<string, UpstreamDeclaration>>>(
  upstreams: U,
): UpstreamEnv<U> =>
  Object.fromEntries(
    Object.entries(upstreams).flatMap(([name, declaration]) => [
      [addressVariable(name), addressField(declaration)],
      [balancerVariable(name), balancerField(declaration)],
    ]),
  ) as UpstreamEnv<U>;
