/**
 * The SDK's charts drawn from their data as plain SVG: enough to see the
 * shape of the series a view computes, not a charting library. `x`, `y` and
 * `color`/`z` name fields of each datum (or are channels naming them).
 */
import type {BarChartProps, Channel, LineChartProps, SparklineProps} from '@stripe/ui-extension-sdk/ui';
import type {ReactNode} from 'react';

type Datum = Record<string, unknown>;
type ChannelProp = string | number | Channel | undefined;

export const PALETTE = ['#635bff', '#00a2e1', '#ff7d54', '#3ecf8e', '#f5be58', '#a450b5', '#e25950'];

function field(channel: ChannelProp): string | undefined {
  if (channel === undefined) return undefined;
  if (typeof channel === 'object') return channel.value === undefined ? undefined : String(channel.value);
  return String(channel);
}
const labelOf = (channel: ChannelProp) => (typeof channel === 'object' && channel.label) || field(channel) || '';

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
const show = (v: unknown) => (v instanceof Date ? v.toLocaleDateString('en-US') : String(v));

interface Series {
  name: string;
  points: {x: unknown; y: number}[];
}

/** Data grouped into series by the color (or z) field; one series when there is none. */
function seriesOf(data: Datum[], x: ChannelProp, y: ChannelProp, by: ChannelProp): Series[] {
  const xKey = field(x);
  const yKey = field(y);
  const byKey = field(by);
  const groups = new Map<string, Series>();
  for (const d of Array.isArray(data) ? data : []) {
    const name = byKey ? String(d[byKey]) : labelOf(y);
    const value = num(yKey ? d[yKey] : undefined);
    if (Number.isNaN(value)) continue;
    if (!groups.has(name)) groups.set(name, {name, points: []});
    groups.get(name)?.points.push({x: xKey ? d[xKey] : undefined, y: value});
  }
  return [...groups.values()];
}

const W = 320;
const H = 160;
const PAD = {left: 36, right: 8, top: 8, bottom: 24};

function Frame({kind, x, y, series, legend, children, max}: {kind: string; x: ChannelProp; y: ChannelProp; series: Series[]; legend?: boolean; max: number; children: ReactNode}) {
  const title = `${kind} of ${labelOf(y)} by ${labelOf(x)}`;
  return (
    <figure className="kr-chart" data-chart={kind}>
      <svg viewBox={`0 0 ${W} ${H}`} className="kr-chart-svg" role="img" aria-label={title}>
        <title>{title}</title>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="kr-chart-axis" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="kr-chart-tick">
          {max.toLocaleString('en-US')}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="kr-chart-tick">
          0
        </text>
        {children}
      </svg>
      {legend !== false && series.length > 1 ? (
        <figcaption className="kr-chart-legend">
          {series.map((s, i) => (
            <span key={s.name}>
              <span className="kr-chart-swatch" style={{background: PALETTE[i % PALETTE.length]}} /> {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

const maxOf = (series: Series[]) => Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));

export function BarChart({data, x, y, color, z, legend}: BarChartProps) {
  const series = seriesOf(data, x, y, color ?? z);
  const max = maxOf(series);
  const categories = [...new Set(series.flatMap((s) => s.points.map((p) => show(p.x))))];
  const band = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const barWidth = (band * 0.7) / Math.max(1, series.length);
  const scale = (v: number) => ((H - PAD.top - PAD.bottom) * Math.max(0, v)) / max;
  return (
    <Frame kind="Bar chart" x={x} y={y} series={series} legend={legend} max={max}>
      {categories.map((c, ci) => (
        <text key={c} x={PAD.left + band * (ci + 0.5)} y={H - 8} textAnchor="middle" className="kr-chart-tick">
          {c}
        </text>
      ))}
      {series.map((s, si) =>
        s.points.map((p, pi) => {
          const ci = categories.indexOf(show(p.x));
          const h = scale(p.y);
          return (
            <rect
              key={`${si}-${pi}`}
              className="kr-chart-bar"
              data-x={show(p.x)}
              data-y={p.y}
              x={PAD.left + band * ci + band * 0.15 + barWidth * si}
              y={H - PAD.bottom - h}
              width={barWidth}
              height={h}
              fill={PALETTE[si % PALETTE.length]}
            >
              <title>{`${s.name} · ${show(p.x)}: ${p.y}`}</title>
            </rect>
          );
        }),
      )}
    </Frame>
  );
}

/** Points spread evenly along x in data order (the Dashboard's x is usually time, already sorted). */
function linePoints(s: Series, count: number, max: number, box: {w: number; h: number; left: number; top: number}) {
  return s.points.map((p, i) => ({
    x: box.left + (count > 1 ? (box.w * i) / (count - 1) : box.w / 2),
    y: box.top + box.h - (box.h * Math.max(0, p.y)) / max,
    p,
  }));
}

export function LineChart({data, x, y, color, z, legend}: LineChartProps) {
  const series = seriesOf(data, x, y, color ?? z);
  const max = maxOf(series);
  const box = {left: PAD.left, top: PAD.top, w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom};
  const longest = series.reduce((a, s) => (s.points.length > a.points.length ? s : a), {name: '', points: []} as Series);
  return (
    <Frame kind="Line chart" x={x} y={y} series={series} legend={legend} max={max}>
      {longest.points.length
        ? [longest.points[0], longest.points[longest.points.length - 1]].map((p, i) => (
            <text key={i} x={i ? W - PAD.right : PAD.left} y={H - 8} textAnchor={i ? 'end' : 'start'} className="kr-chart-tick">
              {show(p.x)}
            </text>
          ))
        : null}
      {series.map((s, si) => {
        const points = linePoints(s, s.points.length, max, box);
        return (
          <g key={s.name}>
            <polyline className="kr-chart-line" fill="none" stroke={PALETTE[si % PALETTE.length]} strokeWidth={2} points={points.map((pt) => `${pt.x},${pt.y}`).join(' ')} />
            {points.map((pt, i) => (
              <circle key={i} className="kr-chart-point" data-x={show(pt.p.x)} data-y={pt.p.y} cx={pt.x} cy={pt.y} r={2.5} fill={PALETTE[si % PALETTE.length]}>
                <title>{`${s.name} · ${show(pt.p.x)}: ${pt.p.y}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </Frame>
  );
}

export function Sparkline({data, x, y, color, z}: SparklineProps) {
  const series = seriesOf(data, x, y, color ?? z);
  const max = maxOf(series);
  const box = {left: 1, top: 2, w: 98, h: 20};
  return (
    <svg className="kr-sparkline" data-chart="Sparkline" viewBox="0 0 100 24" width={100} height={24} role="img" aria-label={`Sparkline of ${labelOf(y)}`}>
      {series.map((s, si) => (
        <polyline
          key={s.name}
          className="kr-chart-line"
          fill="none"
          stroke={PALETTE[si % PALETTE.length]}
          strokeWidth={1.5}
          points={linePoints(s, s.points.length, max, box)
            .map((pt) => `${pt.x},${pt.y}`)
            .join(' ')}
        />
      ))}
    </svg>
  );
}
