/** Host versions of the SDK's Tabs: a tab list that switches panels, by mouse or arrow keys. */
import type {TabPanelProps, TabProps, TabsProps} from '@stripe/ui-extension-sdk/ui';
import {createContext, useCallback, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import {callRemote} from './shared';

interface TabsState {
  base: string;
  selected: string | undefined;
  select(id: string): void;
  /** The first tab drawn is selected when the view names none. */
  register(id: string): void;
}

const TabsContext = createContext<TabsState | null>(null);

/**
 * Tabs written before SDK 9.3 made `id` required (Stripe's own samples among
 * them) give their Tab and TabPanel only a React key, which does not cross to
 * the host. Such a tab pairs with the panel in the same place: each list
 * numbers its children as they first mount, in document order.
 */
const PositionContext = createContext<{next(): number} | null>(null);

function Positions({children}: {children?: ReactNode}) {
  const counter = useRef(0);
  const [positions] = useState(() => ({next: () => counter.current++}));
  return <PositionContext.Provider value={positions}>{children}</PositionContext.Provider>;
}

/** The view's id, or the element's place in its list when the view gave none. */
function useTabKey(id: string | undefined): string {
  const positions = useContext(PositionContext);
  const [place] = useState(() => positions?.next() ?? 0);
  return id ?? `#${place}`;
}

export function Tabs({selectedKey, onSelectionChange, fitted, size = 'medium', children}: TabsProps) {
  const base = useId();
  const [local, setLocal] = useState<string | undefined>(undefined);
  const selected = selectedKey ?? local;
  const select = useCallback(
    (id: string) => {
      setLocal(id);
      callRemote(onSelectionChange, id);
    },
    [onSelectionChange],
  );
  const register = useCallback((id: string) => setLocal((current) => current ?? id), []);
  return (
    <div className={`kr-tabs kr-tabs-${size}${fitted ? ' kr-tabs-fitted' : ''}`}>
      <TabsContext.Provider value={{base, selected, select, register}}>{children}</TabsContext.Provider>
    </div>
  );
}

/** Left/Right (and Home/End) move between tabs and select the one reached, as WAI-ARIA tabs do. */
export function onTabListKey(e: KeyboardEvent<HTMLDivElement>) {
  const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])'));
  const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
  const to = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1}[e.key];
  if (to === undefined || !tabs.length) return;
  e.preventDefault();
  const tab = tabs[(to + tabs.length) % tabs.length];
  tab.focus();
  tab.click();
}

export function TabList({children}: {children?: ReactNode}) {
  return (
    <div className="kr-tab-list" role="tablist" onKeyDown={onTabListKey}>
      <Positions>{children}</Positions>
    </div>
  );
}

export function Tab({id: given, disabled, children}: TabProps) {
  const id = useTabKey(given as string | undefined);
  const tabs = useContext(TabsContext);
  const register = tabs?.register;
  useEffect(() => {
    if (!disabled) register?.(id);
  }, [register, id, disabled]);
  const selected = tabs?.selected === id;
  return (
    <button
      type="button"
      role="tab"
      id={`${tabs?.base}-tab-${id}`}
      aria-controls={`${tabs?.base}-panel-${id}`}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      disabled={disabled}
      className={`kr-tab${selected ? ' kr-tab-selected' : ''}`}
      onClick={() => tabs?.select(id)}
    >
      {children}
    </button>
  );
}

export function TabPanels({children}: {children?: ReactNode}) {
  return (
    <div className="kr-tab-panels">
      <Positions>{children}</Positions>
    </div>
  );
}

export function TabPanel({id: given, children}: TabPanelProps) {
  const id = useTabKey(given as string | undefined);
  const tabs = useContext(TabsContext);
  const selected = tabs?.selected === id;
  return (
    <div role="tabpanel" id={`${tabs?.base}-panel-${id}`} aria-labelledby={`${tabs?.base}-tab-${id}`} hidden={!selected} tabIndex={0} className="kr-tab-panel">
      {children}
    </div>
  );
}
