export { installInMemoryTracing, type InMemoryTracing } from './in-memory-tracing';
