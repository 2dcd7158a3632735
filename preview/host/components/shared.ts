/** Helpers every host component needs to receive props from the remote realm. */
import type {CSSProperties} from 'react';

/** Function props are async proxies into the iframe: call them, never await their result for rendering. */
export function callRemote(fn: unknown, ...args: unknown[]): void {
  if (typeof fn !== 'function') return;
  try {
    const result = (fn as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).catch === 'function') {
      (result as Promise<unknown>).catch(() => undefined);
    }
  } catch {
    // A view's handler throwing must not take the host down.
  }
}

const SPACE: Record<string, number> = {xxsmall: 2, xsmall: 4, small: 8, medium: 16, large: 24, xlarge: 32, xxlarge: 48};
const space = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? SPACE[v] : undefined);

const FONT: Record<string, CSSProperties> = {
  heading: {fontSize: 16, fontWeight: 600},
  subheading: {fontSize: 14, fontWeight: 600},
  title: {fontSize: 20, fontWeight: 700},
  caption: {fontSize: 12},
  kicker: {fontSize: 11, textTransform: 'uppercase', letterSpacing: 0.5},
  body: {fontSize: 14},
  bodyEmphasized: {fontSize: 14, fontWeight: 600},
  lead: {fontSize: 16},
  subtitle: {fontSize: 14, color: '#687385'},
};

const COLOR: Record<string, string> = {
  primary: '#1a1b25',
  secondary: '#687385',
  disabled: '#a3acba',
  info: '#0055bc',
  success: '#217005',
  attention: '#a82c00',
  critical: '#c0123c',
  brand: '#635bff',
};

/** The SDK's `css` prop (a subset of Stripe's layout tokens) as inline styles. */
export function boxStyle(css: Record<string, unknown> | undefined): CSSProperties {
  if (!css) return {};
  const style: CSSProperties = {};
  if (css.stack === 'x' || css.stack === 'y') {
    style.display = 'flex';
    style.flexDirection = css.stack === 'x' ? 'row' : 'column';
    if (css.wrap === 'wrap') style.flexWrap = 'wrap';
  }
  if (css.gap !== undefined) style.gap = space(css.gap);
  if (css.padding !== undefined) style.padding = space(css.padding);
  if (css.paddingX !== undefined) style.paddingInline = space(css.paddingX);
  if (css.paddingY !== undefined) style.paddingBlock = space(css.paddingY);
  if (css.margin !== undefined) style.margin = space(css.margin);
  if (css.marginTop !== undefined) style.marginTop = space(css.marginTop);
  if (typeof css.font === 'string') Object.assign(style, FONT[css.font]);
  if (typeof css.color === 'string' && COLOR[css.color]) style.color = COLOR[css.color];
  if (css.fontFamily === 'monospace') style.fontFamily = 'ui-monospace, SFMono-Regular, Menlo, monospace';
  if (css.fontWeight === 'bold' || css.fontWeight === 'semibold') style.fontWeight = 600;
  if (css.keyline === 'neutral' || css.keyline === 'critical') {
    style.border = `1px solid ${css.keyline === 'critical' ? COLOR.critical : '#d8dee4'}`;
  }
  if (typeof css.borderRadius === 'string') style.borderRadius = css.borderRadius === 'rounded' ? 999 : (space(css.borderRadius) ?? 6) / 2 + 2;
  if (css.backgroundColor === 'container') style.background = '#f6f8fa';
  if (css.distribute === 'space-between') style.justifyContent = 'space-between';
  if (css.alignY === 'center') style.alignItems = 'center';
  if (css.alignX === 'center') style.alignItems = style.flexDirection === 'column' ? 'center' : undefined;
  if (css.width === 'fill') style.width = '100%';
  return style;
}
