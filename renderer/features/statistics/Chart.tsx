import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

const COLOURS = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#e67700', '#0b7285', '#5c940d', '#364fc7', '#a61e4d'];

/**
 * A small uPlot chart (canvas, offline, about 50 kB): lines over numbered x values, or bars when
 * `bars` is set. The x labels are given; the figure beside it in words is what a screen reader reads.
 */
export function Chart({
  title,
  xLabels,
  series,
  bars = false,
  height = 180,
}: {
  title: string;
  xLabels: string[];
  series: ChartSeries[];
  bars?: boolean;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = Math.max(260, element.clientWidth || 420);
    const data: uPlot.AlignedData = [xLabels.map((_, i) => i), ...series.map((s) => s.values)];
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: series.length > 1 },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [{ values: (_u, ticks) => ticks.map((t) => xLabels[Math.round(t)] ?? '') }, {}],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            ...(bars ? { fill: `${COLOURS[i % COLOURS.length]}88`, paths: uPlot.paths.bars!({ size: [0.7, 60] }), points: { show: false } } : {}),
          })),
        ],
      },
      data,
      element,
    );
    return () => plot.destroy();
  }, [xLabels, series, bars, height]);
  return (
    <figure className="stats-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="stats-chart-canvas" role="img" aria-label={title} />
    </figure>
  );
}
