// Colours drawn on canvas (uPlot, cytoscape) must be literal values; they
// mirror the custom properties in styles/app.css.
export const COLORS = {
  text: '#e6edf3',
  muted: '#8b949e',
  panel: '#161b22',
  border: '#30363d',
  good: '#3fb950',
  warn: '#d29922',
  bad: '#f85149',
  info: '#58a6ff',
  idle: '#6e7681',
  purple: '#bc8cff',
} as const;

/** Distinct hues for services in the waterfall, assigned in order of appearance. */
const SERVICE_PALETTE = [
  '#58a6ff',
  '#3fb950',
  '#d29922',
  '#bc8cff',
  '#ff7b72',
  '#39c5cf',
  '#f778ba',
  '#a5d6ff',
  '#e3b341',
  '#7ee787',
];

export function serviceColor(services: readonly string[], service: string): string {
  const index = services.indexOf(service);
  return SERVICE_PALETTE[(index < 0 ? services.length : index) % SERVICE_PALETTE.length];
}
