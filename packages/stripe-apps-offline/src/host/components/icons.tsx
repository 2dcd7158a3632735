/**
 * The SDK's Icon, drawn as simple inline SVG line glyphs (24×24, 2px round
 * strokes) made for the preview. Names with a hand-drawn glyph look the part;
 * every other name the SDK declares gets a consistent lettered tile, so a view
 * never shows a hole and the developer can still tell which icon it asked for.
 * A name's "Circle" / "CircleFilled" suffix wraps its base glyph in a circle.
 */
import type {IconProps} from '@stripe/ui-extension-sdk/ui';
import {COLOR} from './shared';

const ARROW = 'M12 19V5M5 12l7-7 7 7';
const CHEVRON = 'M6 15l6-6 6 6';
const CARET = 'M7 14l5-5 5 5z';

/** Base glyphs, as path data in a 24×24 box. An arrow or chevron drawn pointing up is rotated for the others. */
const PATHS: Record<string, string> = {
  add: 'M12 5v14M5 12h14',
  cancel: 'M6 6l12 12M18 6L6 18',
  cross: 'M6 6l12 12M18 6L6 18',
  check: 'M5 12.5l4.5 4.5L19 7',
  checkmark: 'M5 12.5l4.5 4.5L19 7',
  accept: 'M5 12.5l4.5 4.5L19 7',
  positive: 'M12 5v14M5 12h14',
  negative: 'M5 12h14',
  info: 'M12 11v6M12 7.5v.01',
  help: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17v.01',
  warning: 'M12 3l10 18H2zM12 10v4M12 17.5v.01',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  history: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  settings: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  overflow: 'M12 5h.01M12 12h.01M12 19h.01',
  menu: 'M4 6h16M4 12h16M4 18h16',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  listView: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  gridView: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  apps: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  delete: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3',
  openLock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 7.5-2',
  person: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  customer: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  customers: 'M9 5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM2 20a7 7 0 0 1 14 0M16 5a3.5 3.5 0 0 1 0 7M18 13a7 7 0 0 1 4 7',
  home: 'M3 11l9-8 9 8M5 9v11h14V9',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  download: 'M12 4v11M7 10l5 5 5-5M4 20h16',
  upload: 'M12 20V9M7 14l5-5 5 5M4 4h16',
  import: 'M12 4v11M7 10l5 5 5-5M4 20h16',
  export: 'M12 20V9M7 14l5-5 5 5M4 4h16',
  arrowExport: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  arrowsLoop: 'M17 2l3 3-3 3M4 11V9a4 4 0 0 1 4-4h12M7 22l-3-3 3-3M20 13v2a4 4 0 0 1-4 4H4',
  recurring: 'M17 2l3 3-3 3M4 11V9a4 4 0 0 1 4-4h12M7 22l-3-3 3-3M20 13v2a4 4 0 0 1-4 4H4',
  star: 'M12 3l2.8 5.8 6.2.9-4.5 4.4 1 6.3L12 17.5 6.5 20.4l1-6.3L3 9.7l6.2-.9z',
  heart: 'M12 20s-8-4.7-8-10.5A4.5 4.5 0 0 1 12 6a4.5 4.5 0 0 1 8 3.5C20 15.3 12 20 12 20z',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  clipboard: 'M8 4h8v3H8zM6 5H5v16h14V5h-1',
  filter: 'M4 5h16l-6 8v6l-4-2v-4z',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  doc: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  invoice: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
  folder: 'M3 6h6l2 2h10v11H3z',
  bank: 'M3 10l9-6 9 6M5 10v8M10 10v8M14 10v8M19 10v8M3 20h18',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  payment: 'M3 6h18v12H3zM3 10h18M7 15h4',
  wallet: 'M4 7h15v12H4zM4 7l11-3v3M15 13h.01',
  barChart: 'M5 20V11M12 20V5M19 20v-6M3 20h18',
  barGraph: 'M5 20V11M12 20V5M19 20v-6M3 20h18',
  reporting: 'M5 20V11M12 20V5M19 20v-6M3 20h18',
  growth: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  arrowIncrease: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  pieChart: 'M12 3a9 9 0 1 0 9 9h-9z',
  notifications: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  block: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8',
  flag: 'M5 21V4M5 4h12l-2 4 2 4H5',
  globe: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  website: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  tag: 'M3 3h8l10 10-8 8L3 11zM7.5 7.5h.01',
  eyeOpen: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  show: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  eyeClosed: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM4 4l16 16',
  hide: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM4 4l16 16',
  code: 'M8 7l-5 5 5 5M16 7l5 5-5 5',
  api: 'M8 7l-5 5 5 5M16 7l5 5-5 5',
  terminal: 'M4 5h16v14H4zM7 9l3 3-3 3M12 15h5',
  lightningBolt: 'M13 2L4 14h7l-1 8 9-12h-7z',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  shieldCheck: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM8.5 12l2.5 2.5 4.5-4.5',
  key: 'M8 14a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM11 11l9 9M17 17l2-2',
  personWithKey: 'M10 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM3 21a7 7 0 0 1 11-5.7M17 15a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM19 17h3',
  send: 'M4 12l16-8-6 16-3-7z',
  share: 'M12 15V3M7 8l5-5 5 5M5 13v8h14v-8',
  iosShare: 'M12 15V3M7 8l5-5 5 5M5 13v8h14v-8',
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4v16M17 4v16',
  phone: 'M7 2h10v20H7zM11 18h2',
  call: 'M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
  desktop: 'M3 4h18v12H3zM8 20h8M12 16v4',
  camera: 'M3 7h4l2-3h6l2 3h4v12H3zM12 10a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  chat: 'M4 4h16v12H9l-5 4z',
  cloud: 'M7 18a4 4 0 0 1-.5-8A6 6 0 0 1 18 9a4.5 4.5 0 0 1-.5 9z',
  gift: 'M3 8h18v4H3zM5 12v9h14v-9M12 8v13M12 8S10 3 7.5 4.5 9 8 12 8zM12 8s2-5 4.5-3.5S15 8 12 8z',
  cart: 'M3 4h3l2 11h11l2-8H7M9 20h.01M18 20h.01',
  truck: 'M2 6h12v10H2zM14 10h4l3 3v3h-7M6 19a2 2 0 1 0 0-.01M17 19a2 2 0 1 0 0-.01',
  locationPin: 'M12 21s7-6.3 7-12a7 7 0 0 0-14 0c0 5.7 7 12 7 12zM12 7a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  pin: 'M9 3h6l-1 6 4 4H6l4-4zM12 13v8',
  paperclip: 'M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7',
  sparkle: 'M12 3l2 7 7 2-7 2-2 7-2-7-7-2 7-2z',
  thumbsUp: 'M7 11v9H3v-9zM7 11l4-8a2 2 0 0 1 2 2v4h6a2 2 0 0 1 2 2.3l-1.4 7A2 2 0 0 1 17.6 20H7',
  thumbsDown: 'M7 13V4H3v9zM7 13l4 8a2 2 0 0 0 2-2v-4h6a2 2 0 0 0 2-2.3l-1.4-7A2 2 0 0 0 17.6 4H7',
  dragHandle: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  expand: 'M4 10V4h6M20 14v6h-6M4 4l6 6M20 20l-6-6',
  collapse: 'M10 4v6H4M14 20v-6h6M10 10L4 4M14 14l6 6',
  circle: '',
  spinner: 'M12 3a9 9 0 1 0 9 9',
  signOut: 'M15 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  arrowUpDown: 'M8 20V4M4 8l4-4 4 4M16 4v16M12 16l4 4 4-4',
  arrowsInward: 'M4 10h6V4M20 14h-6v6M10 10L3 3M14 14l7 7',
  arrowsOutward: 'M4 10V4h6M20 14v6h-6M4 4l6 6M20 20l-6-6',
  transfer: 'M4 8h15M15 4l4 4-4 4M20 16H5M9 12l-4 4 4 4',
  convert: 'M4 8h15M15 4l4 4-4 4M20 16H5M9 12l-4 4 4 4',
  change: 'M4 8h15M15 4l4 4-4 4M20 16H5M9 12l-4 4 4 4',
  refund: 'M9 14l-5-5 5-5M4 9h10a6 6 0 0 1 0 12h-3',
  webhook: 'M9 8a3 3 0 1 1 4.5 2.6L16 15M7 19a3 3 0 1 1 1-5.8h7M18 19a3 3 0 1 1 .5-6',
  note: 'M5 3h14v18H5zM9 8h6M9 12h6M9 16h3',
  guide: 'M4 5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM4 21V5',
  lightBulb: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5h6c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3z',
  rocket: 'M12 3c4 2 6 6 5 11l-3 3h-4l-3-3C6 9 8 5 12 3zM12 9h.01M8 17l-3 4M16 17l3 4',
  safe: 'M4 4h16v16H4zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM20 9h1M20 15h1',
  vault: 'M4 4h16v16H4zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM20 9h1M20 15h1',
  plan: 'M4 4h16v16H4zM8 8h8M8 12h8M8 16h4',
  tasks: 'M4 6l2 2 3-3M11 7h9M4 13l2 2 3-3M11 14h9M11 20h9',
  usage: 'M3 12a9 9 0 0 1 18 0M12 12l4-4',
  video: 'M3 6h13v12H3zM16 10l5-3v10l-5-3',
  wifi: 'M2 9a15 15 0 0 1 20 0M5 13a10 10 0 0 1 14 0M8.5 16.5a5 5 0 0 1 7 0M12 20h.01',
  sandbox: 'M4 14h16v6H4zM8 14V8l4-4 4 4v6',
  beta: 'M9 21V7a3 3 0 0 1 6 0 3 3 0 0 1-3 3 3.5 3.5 0 1 1 0 7H9',
  new: 'M12 3l2 7 7 2-7 2-2 7-2-7-7-2 7-2z',
  fingerprint: 'M12 11v4M8 11a4 4 0 0 1 8 0v3M5 11a7 7 0 0 1 14 0v2',
  support: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  previous: 'M18 5l-9 7 9 7zM6 5v14',
  next: 'M6 5l9 7-9 7zM18 5v14',
  soundOn: 'M4 9h4l5-4v14l-5-4H4zM17 9a4 4 0 0 1 0 6',
  soundOff: 'M4 9h4l5-4v14l-5-4H4zM17 10l4 4M21 10l-4 4',
  qrCode: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2z',
  office: 'M5 21V3h10v18M15 9h4v12M8 7h4M8 11h4M8 15h4',
  business: 'M5 21V3h10v18M15 9h4v12M8 7h4M8 11h4M8 15h4',
};

/** Rotations (degrees) of the up-pointing arrow, chevron and caret. */
const DIRECTION: Record<string, number> = {Up: 0, UpRight: 45, Right: 90, Down: 180, Left: 270};

function baseGlyph(name: string): {d: string; rotate: number} | null {
  if (name in PATHS) return {d: PATHS[name], rotate: 0};
  const directional = /^(arrow|chevron|caret)(Up|UpRight|Right|Down|Left)$/.exec(name);
  if (directional) {
    const shape = directional[1] === 'arrow' ? ARROW : directional[1] === 'chevron' ? CHEVRON : CARET;
    return {d: shape, rotate: DIRECTION[directional[2]]};
  }
  return null;
}

const PIXELS: Record<string, number> = {xsmall: 12, small: 16, medium: 20, large: 24, xlarge: 32};

/** A glyph by name, for the host's own chrome as well as the SDK's Icon. */
export function IconGlyph({name, size = 'small', color}: {name: string; size?: string; color?: string}) {
  const px = PIXELS[size] ?? 16;
  const circled = /^(.+?)(Circle)(Filled)?$/.exec(name);
  const baseName = circled && name !== 'circle' ? circled[1] : name;
  const base = baseGlyph(baseName);
  const filled = Boolean(circled?.[3]);
  const ring = Boolean(circled) || name === 'circle';
  const stroke = filled ? '#fff' : 'currentColor';
  return (
    <svg
      className="kr-icon"
      data-icon={name}
      data-glyph={base ? 'drawn' : 'lettered'}
      width={px}
      height={px}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      style={color ? {color} : undefined}
      aria-hidden
      focusable="false"
    >
      {ring ? <circle cx={12} cy={12} r={10} fill={filled ? 'currentColor' : 'none'} /> : null}
      {base ? (
        base.d ? (
          <path
            d={base.d}
            stroke={stroke}
            fill={CARET === base.d ? stroke : 'none'}
            transform={`${ring ? 'translate(12 12) scale(.6) translate(-12 -12) ' : ''}rotate(${base.rotate} 12 12)`}
          />
        ) : null
      ) : (
        <>
          {ring ? null : <rect x={2.5} y={2.5} width={19} height={19} rx={5} />}
          <text x={12} y={16} textAnchor="middle" fontSize={11} fontWeight={700} stroke="none" fill={filled ? '#fff' : 'currentColor'}>
            {baseName.charAt(0).toUpperCase()}
          </text>
        </>
      )}
    </svg>
  );
}

export function Icon({name, size, css}: IconProps) {
  return <IconGlyph name={name} size={size} color={css?.fill ? COLOR[css.fill] : undefined} />;
}

