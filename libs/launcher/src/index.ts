// What `npm start` runs: the app set (from the apps' `role:*` Nx tags), their
// ports and environment, supervision, the control API for the console and log
// forwarding. Production start-up code; the test stacks build on it.
export {
  APP_ROLES,
  discoverApps,
  startStages,
  isInstrumented,
  envPrefix,
  type AppRole,
  type AppDefinition,
} from './apps/app-set';
export {
  addressEnv,
  defaultEnv,
  appEnv,
  dialHost,
  consoleOtlpUrl,
  type Env,
  type AppEnvContext,
  type ConsoleEndpoint,
} from './apps/app-env';
export { appProcessSpec } from './apps/app-process';
export {
  planPorts,
  DEFAULT_PORTS,
  DEFAULT_CONSOLE_OTLP_PORT,
  PortPlanError,
  type PortPlan,
  type PlanPortsOptions,
} from './ports/port-plan';
export { isPortFree, nextFreePort, MAX_LISTEN_PORT, type PortCheck } from './ports/free-port';
export {
  ManagedProcess,
  type ProcessSpec,
  type ManagedProcessOptions,
  type OutputStream,
} from './process/managed-process';
export { waitUntil, type WaitOptions } from './process/wait-until';
export { awaitReady } from './process/await-ready';
export { httpOk, grpcServing } from './readiness/probes';
export { readinessProbe, type ReadinessContext } from './readiness/app-readiness';
export {
  SupervisedProcess,
  RestartRefusedError,
  type SupervisedProcessOptions,
  type SupervisorEvent,
} from './supervision/supervised-process';
export {
  Supervisor,
  UnknownProcessError,
  type SupervisorOptions,
  type SupervisedApp,
} from './supervision/supervisor';
export {
  DEFAULT_RESTART_BACKOFF,
  restartDelayMs,
  type RestartBackoff,
} from './supervision/restart-backoff';
export {
  startControlServer,
  type ControlServer,
  type ControlServerOptions,
} from './control/control-server';
export { newToken, bearerTokenMatches } from './control/bearer-token';
export {
  logRecordFromLine,
  type OtlpLogRecord,
  type OtlpKeyValue,
  type OtlpAnyValue,
} from './logs/pino-log-record';
export {
  OtlpLogForwarder,
  exportLogsRequest,
  type LogForwarderOptions,
  type LogForwarderStats,
  type ForwardedLine,
} from './logs/otlp-log-forwarder';
export {
  launch,
  type LaunchOptions,
  type RunningPlatform,
  type LauncherEvent,
} from './launch/launch';
export { startDevPlatform, type DevPlatform, type DevPlatformOptions } from './launch/dev-platform';
export { devApiKey, awaitApiKeyAccepted, DEV_API_KEY_SCOPES } from './launch/dev-api-key';
export { readDevSettings, DevSettingsError, type DevSettings } from './launch/dev-settings';
