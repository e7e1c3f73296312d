/** Every spelling of one service name the generated files use. */
export interface ServiceNames {
  /** kebab-case: the app folder, the registry name, file names (`price-quotes`). */
  readonly name: string;
  /** PascalCase: classes and the gRPC service (`PriceQuotes`, `PriceQuotesService`). */
  readonly className: string;
  /** camelCase: the contracts namespace is `<propertyName>V1` (`priceQuotesV1`). */
  readonly propertyName: string;
  /** UPPER_SNAKE: the env prefix (`PRICE_QUOTES_PORT`). */
  readonly constantName: string;
  /**
   * lower_snake: the proto package and its folder (`price_quotes.v1` in
   * proto/price_quotes/v1/), as buf's PACKAGE_DIRECTORY_MATCH wants.
   */
  readonly protoName: string;
  /** `price_quotes.v1` */
  readonly protoPackage: string;
  /** `PriceQuotesService` */
  readonly grpcService: string;
  /** `proto/price_quotes/v1/price_quotes.proto` */
  readonly protoFile: string;
  /** The generated module's path under libs/contracts/src/generated, without extension. */
  readonly contractsModule: string;
}

const words = (kebab: string) => kebab.split('-');
const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

export function serviceNames(name: string): ServiceNames {
  const className = words(name).map(capitalized).join('');
  const protoName = words(name).join('_');
  return {
    name,
    className,
    propertyName: className[0].toLowerCase() + className.slice(1),
    constantName: protoName.toUpperCase(),
    protoName,
    protoPackage: `${protoName}.v1`,
    grpcService: `${className}Service`,
    protoFile: `proto/${protoName}/v1/${protoName}.proto`,
    contractsModule: `./generated/${protoName}/v1/${protoName}`,
  };
}

/** `GetQuote` → `getQuote` (ts-proto's client method name), `get-quote` (file names). */
export const rpcNames = (rpc: string) => ({
  rpc,
  methodName: rpc[0].toLowerCase() + rpc.slice(1),
  fileName: rpc.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase(),
});
