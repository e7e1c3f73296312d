import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { sparkRange } from './series';

export interface SparklineProps {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** `#rrggbb` for the line (the fill is the same, faint). */
  readonly color: string;
  readonly height?: number;
  /** With axes and a hover cursor (the Edge page), or a bare line (tables). */
  readonly axes?: boolean;
  readonly format?: (value: number) => string;
  readonly label?: string;
  /** The y axis reaches at least this far (see sparkRange). */
  readonly floor?: number;
}

const AXIS = {
  stroke: '#8b949e',
  grid: { stroke: '#2a313c', width: 1 },
  ticks: { stroke: '#2a313c', width: 1 },
};

/** A uPlot time series sized to its container. */
export function Sparkline({
  xs,
  ys,
  color,
  height = 28,
  axes = false,
  format,
  label,
  floor = 0,
}: SparklineProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const fmt = format ?? ((v: number) => String(v));
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 40),
      height,
      legend: { show: false },
      cursor: axes ? { y: false, points: { size: 6 } } : { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      padding: axes ? [8, 8, 0, 0] : [2, 0, 2, 0],
      scales: { x: { time: true }, y: { range: (_u, _min, max) => sparkRange(max, floor) } },
      axes: axes
        ? [
            { ...AXIS, size: 28 },
            { ...AXIS, size: 56, values: (_u, splits) => splits.map(fmt) },
          ]
        : [{ show: false }, { show: false }],
      series: [
        {},
        {
          label: label ?? 'value',
          stroke: color,
          width: 1.5,
          fill: `${color}2e`,
          points: { show: false },
          value: (_u, v) => (v === null ? '–' : fmt(v)),
        },
      ],
    };
    const plot = new uPlot(options, [[], []], element);
    chart.current = plot;
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(element.clientWidth, 40), height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [color, height, axes, format, label, floor]);

  useEffect(() => {
    chart.current?.setData([xs as number[], ys as number[]]);
  }, [xs, ys, color, height, axes, format, label, floor]);

  return <div class={axes ? 'chart' : 'spark'} ref={container} aria-label={label} role="img" />;
}
