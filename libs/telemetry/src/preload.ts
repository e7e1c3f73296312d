// Loaded with `node --require @junction/telemetry/preload` so the SDK is up
// before any application module is imported.
import { startTelemetry } from './telemetry.bootstrap';
import { readTelemetrySettings } from './telemetry-settings';

startTelemetry(readTelemetrySettings(process.env));
