import type { Schema } from '../http/strict-json';

/**
 * Consul's `structs.CheckType` as its custom UnmarshalJSON accepts it: Go's
 * case-insensitive names plus the snake_case aliases it declares. `ID` and
 * `Script` are deliberately absent (unknown field → 400), `ServiceID` is
 * accepted and ignored as Consul does.
 */
export const CHECK_TYPE_SCHEMA: Schema = {
  name: 'CheckType',
  fields: {
    CheckID: 'string',
    Name: 'string',
    Status: 'string',
    Notes: 'string',
    ScriptArgs: 'strings',
    HTTP: 'string',
    Header: 'headerMap',
    Method: 'string',
    Body: 'string',
    DisableRedirects: 'bool',
    TCP: 'string',
    TCPUseTLS: 'bool',
    UDP: 'string',
    Interval: 'duration',
    AliasNode: 'string',
    AliasService: 'string',
    DockerContainerID: 'string',
    Shell: 'string',
    H2PING: 'string',
    H2PingUseTLS: 'bool',
    GRPC: 'string',
    GRPCUseTLS: 'bool',
    OSService: 'string',
    TLSServerName: 'string',
    TLSSkipVerify: 'bool',
    Timeout: 'duration',
    TTL: 'duration',
    SuccessBeforePassing: 'int',
    FailuresBeforeWarning: 'int',
    FailuresBeforeCritical: 'int',
    ProxyHTTP: 'string',
    ProxyGRPC: 'string',
    DeregisterCriticalServiceAfter: 'duration',
    OutputMaxSize: 'int',
    ServiceID: 'string',
  },
  aliases: {
    args: 'ScriptArgs',
    script_args: 'ScriptArgs',
    deregister_critical_service_after: 'DeregisterCriticalServiceAfter',
    docker_container_id: 'DockerContainerID',
    tls_server_name: 'TLSServerName',
    tls_skip_verify: 'TLSSkipVerify',
    grpc_use_tls: 'GRPCUseTLS',
    h2ping_use_tls: 'H2PingUseTLS',
    service_id: 'ServiceID',
  },
};

const SERVICE_ADDRESS_SCHEMA: Schema = {
  name: 'ServiceAddress',
  fields: { Address: 'string', Port: 'int' },
};

const WEIGHTS_SCHEMA: Schema = {
  name: 'Weights',
  fields: { Passing: 'int', Warning: 'int' },
};

/**
 * Consul CE's `structs.ServiceDefinition`. Mesh fields are accepted as
 * opaque values (the dev registry does not run a mesh); `Namespace` and
 * `Partition` are unknown in CE and therefore refused.
 */
export const SERVICE_DEFINITION_SCHEMA: Schema = {
  name: 'ServiceDefinition',
  fields: {
    Kind: 'string',
    ID: 'string',
    Name: 'string',
    Tags: 'strings',
    Address: 'string',
    TaggedAddresses: { map: SERVICE_ADDRESS_SCHEMA },
    Meta: 'stringMap',
    Port: 'int',
    SocketPath: 'string',
    Check: { object: CHECK_TYPE_SCHEMA },
    Checks: { array: CHECK_TYPE_SCHEMA },
    Weights: { object: WEIGHTS_SCHEMA },
    Token: 'string',
    EnableTagOverride: 'bool',
    Proxy: 'any',
    Connect: 'any',
    Locality: 'any',
  },
  aliases: {
    enable_tag_override: 'EnableTagOverride',
    tagged_addresses: 'TaggedAddresses',
  },
};

/** The body of PUT /v1/agent/check/update/:id (agent.checkUpdate). */
export const CHECK_UPDATE_SCHEMA: Schema = {
  name: 'checkUpdate',
  fields: { Status: 'string', Output: 'string' },
};
