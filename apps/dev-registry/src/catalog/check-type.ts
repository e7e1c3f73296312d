import type { Decoded } from '../http/strict-json';
import type { CheckDefinition } from './model';

/** Fills a decoded CheckType with Go's zero values. */
function toDefinition(raw: Decoded): CheckDefinition {
  const str = (k: string) => (raw[k] as string | undefined) ?? '';
  const num = (k: string) => (raw[k] as number | undefined) ?? 0;
  const bool = (k: string) => (raw[k] as boolean | undefined) ?? false;
  return {
    CheckID: str('CheckID'),
    Name: str('Name'),
    Status: str('Status'),
    Notes: str('Notes'),
    ScriptArgs: (raw.ScriptArgs as string[] | undefined) ?? [],
    HTTP: str('HTTP'),
    Header: (raw.Header as Record<string, string[]> | undefined) ?? {},
    Method: str('Method'),
    Body: str('Body'),
    DisableRedirects: bool('DisableRedirects'),
    TCP: str('TCP'),
    UDP: str('UDP'),
    GRPC: str('GRPC'),
    GRPCUseTLS: bool('GRPCUseTLS'),
    H2PING: str('H2PING'),
    AliasNode: str('AliasNode'),
    AliasService: str('AliasService'),
    DockerContainerID: str('DockerContainerID'),
    OSService: str('OSService'),
    TLSServerName: str('TLSServerName'),
    TLSSkipVerify: bool('TLSSkipVerify'),
    Interval: num('Interval'),
    Timeout: num('Timeout'),
    TTL: num('TTL'),
    DeregisterCriticalServiceAfter: num('DeregisterCriticalServiceAfter'),
    SuccessBeforePassing: num('SuccessBeforePassing'),
    FailuresBeforeWarning: num('FailuresBeforeWarning'),
    FailuresBeforeCritical: num('FailuresBeforeCritical'),
    OutputMaxSize: num('OutputMaxSize'),
  };
}

const isAlias = (c: CheckDefinition) => c.AliasNode !== '' || c.AliasService !== '';
const isScript = (c: CheckDefinition) => c.ScriptArgs.length > 0;

/** Consul's CheckType.Validate(): the definition, or the error text (without "Invalid check: "). */
export function validateCheckType(raw: Decoded): CheckDefinition | string {
  const c = toDefinition(raw);
  const intervalCheck =
    isScript(c) ||
    c.HTTP !== '' ||
    c.TCP !== '' ||
    c.UDP !== '' ||
    c.GRPC !== '' ||
    c.H2PING !== '' ||
    c.OSService !== '';
  if (c.Interval > 0 && c.TTL > 0) return 'Interval and TTL cannot both be specified';
  if (intervalCheck && c.Interval <= 0)
    return 'Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks';
  if (intervalCheck && isAlias(c)) return 'Interval cannot be set for Alias checks';
  if (isAlias(c) && c.TTL > 0) return 'TTL must be not be set for Alias checks';
  if (!intervalCheck && !isAlias(c) && c.TTL <= 0) return 'TTL must be > 0 for TTL checks';
  if (c.OutputMaxSize < 0) return 'MaxOutputMaxSize must be positive';
  if (c.FailuresBeforeWarning > c.FailuresBeforeCritical)
    return "FailuresBeforeWarning can't be higher than FailuresBeforeCritical";
  return c;
}

/** Consul's CheckType.Type(), in its precedence order. */
export function checkTypeName(c: CheckDefinition): string {
  const interval = c.Interval > 0;
  if (c.GRPC !== '' && interval) return 'grpc';
  if (c.HTTP !== '' && interval) return 'http';
  if (c.TTL > 0) return 'ttl';
  if (c.TCP !== '' && interval) return 'tcp';
  if (c.UDP !== '' && interval) return 'udp';
  if (isAlias(c)) return 'alias';
  if (isScript(c) && c.DockerContainerID !== '' && interval) return 'docker';
  if (isScript(c) && interval) return 'script';
  if (c.H2PING !== '' && interval) return 'h2ping';
  if (c.OSService !== '' && interval) return 'os_service';
  return '';
}
