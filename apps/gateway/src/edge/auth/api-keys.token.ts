/** The API key records watched in Consul KV (a RuntimeConfig<ApiKeySet>). */
export const API_KEYS = Symbol('API_KEYS');
