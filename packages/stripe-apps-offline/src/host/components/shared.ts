/** Helpers every host component needs to receive props from the remote realm. */
import type {BoxProps} from '@stripe/ui-extension-sdk/ui';
import {Children, isValidElement, type CSSProperties, type ReactNode} from 'react';
import {reportOnce} from './notices';

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

/** What a press hands the view: DOM events cannot be cloned into the iframe. */
export const PRESS = {type: 'press', target: {}};

/**
 * The text a subtree carries. Remote text nodes arrive as RemoteText elements
 * whose `text` prop is the receiver's attached node; `<option>` and
 * `aria-label` need the string itself, not an element.
 */
export function textOf(node: ReactNode): string {
  let out = '';
  Children.forEach(node, (child) => {
    if (typeof child === 'string' || typeof child === 'number') out += String(child);
    else if (isValidElement(child)) {
      const props = child.props as {text?: {text?: unknown}; children?: ReactNode};
      if (typeof props.text?.text === 'string') out += props.text.text;
      else out += textOf(props.children);
    }
  });
  return out;
}

const SPACE: Record<string, number> = {xxsmall: 2, xsmall: 4, small: 8, medium: 16, large: 24, xlarge: 32, xxlarge: 48};
const space = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? SPACE[v] : undefined);
const negative = (v: unknown) => {
  const s = space(v);
  return s === undefined ? undefined : -s;
};

/** Sizes: a number of pixels, a fraction of the parent ("1/3"), or a keyword. */
function size(v: unknown): string | number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const fraction = /^(\d+)\/(\d+)$/.exec(v);
  if (fraction) return `${(Number(fraction[1]) / Number(fraction[2])) * 100}%`;
  return {fill: '100%', fit: 'fit-content', min: 'min-content', max: 'max-content', auto: 'auto'}[v];
}

// Stripe's type scale (Sail): size / line height / weight.
export const FONT: Record<string, CSSProperties> = {
  title: {fontSize: 20, lineHeight: '28px', fontWeight: 700},
  heading: {fontSize: 16, lineHeight: '24px', fontWeight: 700},
  subheading: {fontSize: 14, lineHeight: '20px', fontWeight: 600},
  kicker: {fontSize: 12, lineHeight: '16px', fontWeight: 600, textTransform: 'uppercase', letterSpacing: 0.4},
  lead: {fontSize: 16, lineHeight: '24px'},
  body: {fontSize: 14, lineHeight: '20px', fontWeight: 400},
  bodyEmphasized: {fontSize: 14, lineHeight: '20px', fontWeight: 600},
  subtitle: {fontSize: 14, lineHeight: '20px', color: '#687385'},
  caption: {fontSize: 12, lineHeight: '16px'},
};

export const COLOR: Record<string, string> = {
  primary: '#353a44',
  secondary: '#596171',
  disabled: '#a3acba',
  info: '#0055bc',
  success: '#1b7b3c',
  attention: '#b13600',
  critical: '#c0123c',
  brand: '#635bff',
};

const BORDER_COLOR: Record<string, string> = {neutral: '#d8dee4', critical: '#df1b41'};
const RADIUS: Record<string, number> = {none: 0, xsmall: 3, small: 4, medium: 6, large: 8, rounded: 999};
const SHADOW: Record<string, string> = {
  none: 'none',
  base: '0 2px 5px rgba(48,49,61,.08), 0 1px 1px rgba(0,0,0,.12)',
  top: '0 -1px 0 rgba(0,0,0,.06)',
  hover: '0 3px 8px rgba(48,49,61,.12), 0 1px 2px rgba(0,0,0,.12)',
  focus: '0 0 0 4px rgba(99,91,255,.36)',
};
const FLEX: Record<string, string> = {start: 'flex-start', top: 'flex-start', center: 'center', end: 'flex-end', bottom: 'flex-end', stretch: 'stretch', baseline: 'baseline'};

export type BoxCss = NonNullable<BoxProps['css']>;

/**
 * Every key the SDK's `css` prop has: `satisfies` makes tsc fail here when an
 * SDK upgrade adds or drops one, so the list cannot go stale.
 */
const CSS_KEYS = {
  alignSelfX: true, alignSelfY: true, alignX: true, alignY: true, backgroundColor: true, bleed: true,
  bleedBottom: true, bleedLeft: true, bleedRight: true, bleedTop: true, bleedX: true, bleedY: true,
  borderBottomColor: true, borderBottomLeftRadius: true, borderBottomRightRadius: true,
  borderBottomStyle: true, borderBottomWidth: true, borderColor: true, borderLeftColor: true,
  borderLeftStyle: true, borderLeftWidth: true, borderRadius: true, borderRightColor: true,
  borderRightStyle: true, borderRightWidth: true, borderStyle: true, borderTopColor: true,
  borderTopLeftRadius: true, borderTopRightRadius: true, borderTopStyle: true, borderTopWidth: true,
  borderWidth: true, bottom: true, boxShadow: true, color: true, columnGap: true, display: true,
  distribute: true, fill: true, focusRing: true, font: true, fontFamily: true, fontWeight: true, gap: true,
  gapX: true, gapY: true, gridColumns: true, height: true, inset: true, keyline: true, left: true,
  margin: true, marginBottom: true, marginLeft: true, marginRight: true, marginTop: true, marginX: true,
  marginY: true, maxHeight: true, maxWidth: true, minHeight: true, minTileWidth: true, minWidth: true,
  overflow: true, overflowWrap: true, overflowX: true, overflowY: true, padding: true, paddingBottom: true,
  paddingLeft: true, paddingRight: true, paddingTop: true, paddingX: true, paddingY: true, rowGap: true,
  stack: true, textAlign: true, textOverflow: true, textTransform: true, top: true, topShadow: true,
  whiteSpace: true, width: true, wordBreak: true, wordWrap: true, wrap: true, zIndex: true,
} as const satisfies Record<keyof BoxCss, true>;

/**
 * A key the SDK's css prop does not have (older SDKs' `layout`, `background`)
 * is left out of the drawing, but not silently: the developer hears of it once
 * per key, since what the Dashboard does with it is not documented.
 */
function reportUnknownKeys(css: object): void {
  for (const key of Object.keys(css)) {
    if (!Object.hasOwn(CSS_KEYS, key)) reportOnce({kind: 'css-key', key});
  }
}

/**
 * The SDK's `css` prop (Stripe's layout and type tokens, as docs.stripe.com/stripe-apps/style
 * documents them) as inline styles. `stack: 'z'` also needs the `kr-stack-z` class (see stackClass).
 */
export function boxStyle(css: BoxCss | undefined): CSSProperties {
  if (!css) return {};
  reportUnknownKeys(css);
  const style: CSSProperties = {};
  const set = <K extends keyof CSSProperties>(key: K, value: CSSProperties[K] | undefined) => {
    if (value !== undefined) style[key] = value;
  };
  // Layout: alignX/alignY follow the stack's axis, as in the Dashboard.
  const row = css.stack === 'x';
  if (css.stack === 'x' || css.stack === 'y') {
    style.display = 'flex';
    style.flexDirection = row ? 'row' : 'column';
    set('flexWrap', css.wrap);
  } else if (css.stack === 'z' || css.display === 'grid') {
    style.display = 'grid';
  }
  if (css.display === 'grid') {
    if (css.gridColumns) style.gridTemplateColumns = `repeat(${css.gridColumns}, minmax(0, 1fr))`;
    else if (css.minTileWidth !== undefined) style.gridTemplateColumns = `repeat(auto-fill, minmax(${String(size(css.minTileWidth) ?? 0).replace(/^(\d+)$/, '$1px')}, 1fr))`;
  }
  const alignX = css.alignX ? FLEX[css.alignX] : undefined;
  const alignY = css.alignY ? FLEX[css.alignY] : undefined;
  if (style.display === 'flex') {
    set(row ? 'justifyContent' : 'alignItems', alignX);
    set(row ? 'alignItems' : 'justifyContent', alignY);
  } else if (style.display === 'grid') {
    set('justifyItems', alignX);
    set('alignItems', alignY);
  } else if (css.alignX) {
    set('textAlign', ({start: 'start', center: 'center', end: 'end', stretch: undefined} as const)[css.alignX]);
  }
  if (css.distribute === 'space-between') style.justifyContent = 'space-between';
  if (css.distribute === 'packed') style.justifyContent = 'flex-start';
  set('alignSelf', css.alignSelfX ? FLEX[css.alignSelfX] : css.alignSelfY ? FLEX[css.alignSelfY] : undefined);

  // Spacing.
  set('gap', space(css.gap));
  set('rowGap', space(css.rowGap ?? css.gapY));
  set('columnGap', space(css.columnGap ?? css.gapX));
  set('padding', space(css.padding));
  set('paddingInline', space(css.paddingX));
  set('paddingBlock', space(css.paddingY));
  set('paddingTop', space(css.paddingTop));
  set('paddingBottom', space(css.paddingBottom));
  set('paddingLeft', space(css.paddingLeft));
  set('paddingRight', space(css.paddingRight));
  set('margin', space(css.margin));
  set('marginInline', space(css.marginX));
  set('marginBlock', space(css.marginY));
  set('marginTop', space(css.marginTop));
  set('marginBottom', space(css.marginBottom));
  set('marginLeft', space(css.marginLeft));
  set('marginRight', space(css.marginRight));
  // Bleed pulls a box out over its parent's padding.
  set('margin', negative(css.bleed));
  set('marginInline', negative(css.bleedX));
  set('marginBlock', negative(css.bleedY));
  set('marginTop', negative(css.bleedTop));
  set('marginBottom', negative(css.bleedBottom));
  set('marginLeft', negative(css.bleedLeft));
  set('marginRight', negative(css.bleedRight));
  set('inset', space(css.inset));
  set('top', space(css.top));
  set('bottom', space(css.bottom));
  set('left', space(css.left));

  // Sizes.
  set('width', size(css.width));
  set('minWidth', size(css.minWidth));
  set('maxWidth', size(css.maxWidth));
  set('height', size(css.height));
  set('minHeight', size(css.minHeight));
  set('maxHeight', size(css.maxHeight));

  // Type and colour.
  if (css.font) Object.assign(style, FONT[css.font]);
  if (css.color) set('color', COLOR[css.color]);
  if (css.fill) set('color', COLOR[css.fill]);
  if (css.fontFamily === 'monospace') style.fontFamily = 'ui-monospace, SFMono-Regular, Menlo, monospace';
  if (css.fontWeight) style.fontWeight = {regular: 400, semibold: 600, bold: 700}[css.fontWeight];
  set('textAlign', css.textAlign);
  set('textTransform', css.textTransform);
  set('whiteSpace', css.whiteSpace);
  set('wordBreak', css.wordBreak);
  set('overflowWrap', css.overflowWrap ?? css.wordWrap);
  if (css.textOverflow === 'ellipsis') Object.assign(style, {textOverflow: 'ellipsis', overflow: 'hidden', whiteSpace: 'nowrap'});
  set('overflow', css.overflow);
  set('overflowX', css.overflowX);
  set('overflowY', css.overflowY);

  // Surface.
  if (css.backgroundColor) style.background = css.backgroundColor === 'container' ? '#f6f8fa' : '#ffffff';
  if (css.keyline) style.border = `1px solid ${BORDER_COLOR[css.keyline]}`;
  if (css.borderColor || css.borderWidth !== undefined || css.borderStyle) {
    style.borderColor = BORDER_COLOR[css.borderColor ?? 'neutral'];
    style.borderWidth = css.borderWidth ?? 1;
    style.borderStyle = css.borderStyle ?? 'solid';
  }
  for (const side of ['Top', 'Bottom', 'Left', 'Right'] as const) {
    const color = css[`border${side}Color`];
    const width = css[`border${side}Width`];
    const lineStyle = css[`border${side}Style`];
    if (color || width !== undefined || lineStyle) {
      style[`border${side}`] = `${width ?? 1}px ${lineStyle ?? 'solid'} ${BORDER_COLOR[color ?? 'neutral']}`;
    }
  }
  if (css.borderRadius) style.borderRadius = RADIUS[css.borderRadius];
  for (const corner of ['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight'] as const) {
    const radius = css[`border${corner}Radius`];
    if (radius) style[`border${corner}Radius`] = RADIUS[radius];
  }
  if (css.boxShadow) style.boxShadow = SHADOW[css.boxShadow];
  if (css.topShadow) style.boxShadow = SHADOW[css.topShadow];
  if (css.zIndex) style.zIndex = css.zIndex === 'overlay' ? 20 : 10;
  return style;
}

/** `stack: 'z'` layers the children in one grid cell, which needs a rule on the children. */
export function stackClass(css: BoxCss | undefined): string | undefined {
  return css?.stack === 'z' ? 'kr-stack-z' : undefined;
}
