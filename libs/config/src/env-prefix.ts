/**
 * `<NAME>` of a process's own `<NAME>_HOST` / `<NAME>_PORT` variables, from
 * its kebab-case name: `price-quotes` → `PRICE_QUOTES`.
 */
export const envPrefix = (name: string): string => name.toUpperCase().replace(/-/g, '_');
