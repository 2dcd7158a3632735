/**
 * Host versions of the SDK's `ui/next` components. Tabs, Tab, BarChart and
 * LineChart share their names with `ui`'s but not their props, so the SDK
 * sends `schemaVersion: "v9Next"` with each and index.ts picks these for it.
 * A next Tab holds its own label and panel; a next chart takes only `data`,
 * whose `x`, `y` and `name` (or `compare`) fields are fixed by the SDK's types.
 */
import type {BarChartData, LineChartData, MeterChartProps, SparkLineChartData, TabProps, TabsProps} from '@stripe/ui-extension-sdk/ui/next';
import {createContext, useCallback, useContext, useEffect, useId, useState, type ReactNode} from 'react';
import {BarChart as ChannelBarChart, LineChart as ChannelLineChart, Sparkline as ChannelSparkline, PALETTE} from './charts';
import {callRemote} from './shared';
import {onTabListKey} from './tabs';

interface Registered {
  id: string;
  label: string;
}

interface NextTabsState {
  base: string;
  selected: string | undefined;
  register(tab: Registered): () => void;
}

const NextTabsContext = createContext<NextTabsState | null>(null);

/** The tab list is drawn from the Tabs that mounted, in the order they mounted (document order). */
export function NextTabs({selectedKey, onSelectionChange, children}: TabsProps) {
  const base = useId();
  const [tabs, setTabs] = useState<Registered[]>([]);
  const [local, setLocal] = useState<string | undefined>(undefined);
  // Uncontrolled Tabs start on the first tab, as the Dashboard's do.
  const selected = selectedKey ?? local ?? tabs[0]?.id;
  const select = (id: string) => {
    setLocal(id);
    callRemote(onSelectionChange, id);
  };
  const register = useCallback((tab: Registered) => {
    setTabs((current) => {
      const at = current.findIndex((t) => t.id === tab.id);
      if (at < 0) return [...current, tab];
      return current[at].label === tab.label ? current : current.map((t, i) => (i === at ? tab : t));
    });
    return () => setTabs((current) => current.filter((t) => t.id !== tab.id));
  }, []);
  return (
    <div className="kr-tabs kr-tabs-medium">
      <div className="kr-tab-list" role="tablist" onKeyDown={onTabListKey}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-controls={`${base}-panel-${tab.id}`}
              aria-selected={isSelected}
              tabIndex={isSelected ? 0 : -1}
              className={`kr-tab${isSelected ? ' kr-tab-selected' : ''}`}
              onClick={() => select(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div className="kr-tab-panels">
        <NextTabsContext.Provider value={{base, selected, register}}>{children}</NextTabsContext.Provider>
      </div>
    </div>
  );
}

export function NextTab({id, label, children}: TabProps & {children?: ReactNode}) {
  const tabs = useContext(NextTabsContext);
  const register = tabs?.register;
  const key = String(id);
  useEffect(() => register?.({id: key, label: String(label ?? key)}), [register, key, label]);
  const selected = tabs?.selected === key;
  return (
    <div role="tabpanel" id={`${tabs?.base}-panel-${key}`} aria-labelledby={`${tabs?.base}-tab-${key}`} hidden={!selected} tabIndex={0} className="kr-tab-panel">
      {children}
    </div>
  );
}

/** Compared data (current against previous period) is split by `compare`; every other shape by `name`. */
function seriesField(data: unknown): 'compare' | 'name' {
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  return first && typeof first === 'object' && 'compare' in first ? 'compare' : 'name';
}

function seriesLabel(data: unknown, by: string): string {
  const names = new Set(Array.isArray(data) ? data.map((d) => String((d as Record<string, unknown>)[by])) : []);
  return [...names].join(', ') || 'values';
}

// The `ui` charts take channels naming the fields; next data always names them x, y and name.
const channels = (data: unknown) => {
  const by = seriesField(data);
  return {x: {value: 'x', label: 'x'}, y: {value: 'y', label: seriesLabel(data, by)}, color: by};
};
type ChannelData = Parameters<typeof ChannelBarChart>[0]['data'];

export const NextBarChart = ({data}: {data: BarChartData}) => <ChannelBarChart data={data as unknown as ChannelData} {...channels(data)} />;
export const NextLineChart = ({data}: {data: LineChartData}) => <ChannelLineChart data={data as unknown as ChannelData} {...channels(data)} />;
export const SparkLineChart = ({data}: {data: SparkLineChartData}) => <ChannelSparkline data={data as unknown as ChannelData} {...channels(data)} />;

function formatter(unitFormat: MeterChartProps['unitFormat']): (value: number) => string {
  switch (unitFormat?.unit) {
    case 'currency':
      return (v) => v.toLocaleString('en-US', {style: 'currency', currency: unitFormat.options.currency.toUpperCase()});
    case 'percent':
      return (v) => v.toLocaleString('en-US', {style: 'percent', signDisplay: unitFormat.options.signDisplay ?? 'auto'});
    case 'none':
      return (v) => String(v);
    default:
      return (v) => v.toLocaleString('en-US');
  }
}

/**
 * One bar split into segments in proportion to their values. Segments (and
 * legend items) are buttons only when the view listens for clicks, so the
 * keyboard reaches exactly what does something.
 */
export function MeterChart({data, legendEnabled, onSegmentClick, unitFormat}: MeterChartProps) {
  const rows = (Array.isArray(data) ? data : []).filter((d) => typeof d?.value === 'number' && d.value >= 0);
  const total = rows.reduce((sum, d) => sum + d.value, 0);
  const format = formatter(unitFormat);
  const name = (d: (typeof rows)[number]) => `${d.label}: ${format(d.value)}`;
  const clickable = typeof onSegmentClick === 'function';
  const click = (eventType: 'meter.segment.click' | 'meter.legend.click', d: (typeof rows)[number]) => callRemote(onSegmentClick, {eventType, data: d});
  return (
    <figure className="kr-chart kr-meter" data-chart="Meter chart">
      <div className="kr-meter-bar" role={clickable ? 'group' : 'img'} aria-label={rows.map(name).join(', ') || 'No values'}>
        {rows.map((d, i) => {
          const style = {width: `${total ? Math.round((d.value / total) * 1000) / 10 : 0}%`, background: PALETTE[i % PALETTE.length]};
          return clickable ? (
            <button key={d.label} type="button" className="kr-meter-segment" style={style} aria-label={name(d)} title={name(d)} onClick={() => click('meter.segment.click', d)} />
          ) : (
            <span key={d.label} className="kr-meter-segment" style={style} title={name(d)} />
          );
        })}
      </div>
      {legendEnabled ? (
        <ul className="kr-meter-legend">
          {rows.map((d, i) => {
            const body = (
              <>
                <span className="kr-chart-swatch" style={{background: PALETTE[i % PALETTE.length]}} />
                <span className="kr-meter-label">{d.label}</span>
                <span className="kr-meter-value">{format(d.value)}</span>
              </>
            );
            return (
              <li key={d.label}>
                {clickable ? (
                  <button type="button" className="kr-meter-legend-item" aria-label={name(d)} onClick={() => click('meter.legend.click', d)}>
                    {body}
                  </button>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </figure>
  );
}
