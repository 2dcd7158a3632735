/** Host versions of the SDK's layout and display components. */
import type {
  AccordionItemProps,
  BadgeProps,
  BoxProps,
  ChipListProps,
  ChipProps,
  ImgProps,
  InlineProps,
  LinkProps,
  ListItemProps,
  ListProps,
  SpinnerProps,
  TaskListItemProps,
} from '@stripe/ui-extension-sdk/ui';
import {createContext, useContext, useId, useState, type ReactNode} from 'react';
import {SafeAnchor} from './anchor';
import {allowedImage, useHostSettings} from './hostContext';
import {IconGlyph} from './icons';
import {boxStyle, callRemote, PRESS, stackClass} from './shared';

export function Box({css, children}: BoxProps) {
  return (
    <div className={stackClass(css)} style={boxStyle(css)}>
      {children}
    </div>
  );
}

export function Inline({css, children}: InlineProps) {
  return <span style={boxStyle(css)}>{children}</span>;
}

export function Divider() {
  return <hr className="kr-divider" />;
}

export function Spinner({size = 'small'}: SpinnerProps) {
  return <span className={`kr-spinner kr-spinner-${size}`} role="progressbar" aria-label="Loading" />;
}

export function Badge({type = 'neutral', children}: BadgeProps) {
  return <span className={`kr-badge kr-badge-${type}`}>{children}</span>;
}

export function Link({href, target, external, onPress, disabled, type = 'primary', css, children}: LinkProps) {
  const className = `kr-link kr-link-${type}`;
  const content = (
    <>
      {children}
      {external ? <span aria-hidden> ↗</span> : null}
    </>
  );
  if (disabled) {
    return (
      <span className={`${className} kr-link-disabled`} aria-disabled style={boxStyle(css)}>
        {content}
      </span>
    );
  }
  return (
    <SafeAnchor
      component="Link"
      className={className}
      href={href}
      target={target ?? (external ? '_blank' : undefined)}
      onPress={onPress}
      fallback={
        // No href: a link that only tells the view it was pressed.
        <a
          className={className}
          href="#"
          onClick={(e) => {
            e.preventDefault();
            callRemote(onPress, PRESS);
          }}
        >
          {content}
        </a>
      }
    >
      {content}
    </SafeAnchor>
  );
}

/** The enclosing List's `onAction`, which its items call with their `id` when pressed. */
const ListActionContext = createContext<unknown>(undefined);

export function List({children, onAction}: ListProps) {
  return (
    <ListActionContext.Provider value={onAction}>
      <ul className="kr-list">{children}</ul>
    </ListActionContext.Provider>
  );
}

// The SDK defines ListItem as taking children although its props type names none;
// views written before SDK 3 moved the content to `title` still pass it so
// (Stripe's messaging sample does), and dropping it would leave an empty row.
export function ListItem({id, title, secondaryTitle, value, icon, image, size, children}: ListItemProps & {children?: ReactNode}) {
  const onAction = useContext(ListActionContext);
  const content = (
    <>
      {/* The SDK documents that `image` overrides `icon` when both are given. */}
      {image ? <span className="kr-list-media">{image}</span> : icon ? <span className="kr-list-media">{icon}</span> : null}
      <span className="kr-list-text">
        {title ? <span>{title}</span> : null}
        {secondaryTitle ? <span className="kr-secondary">{secondaryTitle}</span> : null}
        {children}
      </span>
    </>
  );
  // In a List with onAction the row is pressable and hands the view its id. Only
  // the id reaches the host (React keys stay in the view), so an item without
  // one has nothing to report and stays a plain row. The value stays outside the
  // button: it may hold a Link or Button of its own, which cannot nest in one.
  const pressable = typeof onAction === 'function' && id !== undefined;
  return (
    <li className={`kr-list-item${size === 'large' ? ' kr-list-item-large' : ''}`}>
      {pressable ? (
        <button type="button" className="kr-list-action" onClick={() => callRemote(onAction, id)}>
          {content}
        </button>
      ) : (
        content
      )}
      {value ? <span>{value}</span> : null}
    </li>
  );
}

export function Accordion({children}: {children?: ReactNode}) {
  return <div className="kr-accordion">{children}</div>;
}

export function AccordionItem({title, subtitle, actions, media, defaultOpen, onChange, children}: AccordionItemProps) {
  const [open, setOpen] = useState(defaultOpen ?? false);
  const id = useId();
  return (
    <div className="kr-accordion-item">
      <div className="kr-accordion-header">
        <button
          type="button"
          className="kr-accordion-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => {
            setOpen(!open);
            callRemote(onChange, !open);
          }}
        >
          <span className={`kr-chevron${open ? ' kr-chevron-open' : ''}`} aria-hidden>
            ›
          </span>
          {media ? <span className="kr-list-media">{media}</span> : null}
          <span className="kr-list-text">
            <span className="kr-accordion-title">{title}</span>
            {subtitle ? <span className="kr-secondary">{subtitle}</span> : null}
          </span>
        </button>
        {actions ? <span className="kr-accordion-actions">{actions}</span> : null}
      </div>
      <div id={id} className="kr-accordion-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

export function ChipList({direction, children}: ChipListProps) {
  return <div className={`kr-chip-list${direction === 'row-reverse' ? ' kr-chip-list-reverse' : ''}`}>{children}</div>;
}

export function Chip({label, value, onClose, onDropdown, onAddSuggestion}: ChipProps) {
  const values = Array.isArray(value) ? value.join(', ') : value;
  const text = [label, values].filter(Boolean).join(': ');
  return (
    <span className="kr-chip">
      {onAddSuggestion ? (
        <button type="button" className="kr-chip-button" aria-label={`Add ${label ?? 'filter'}`} onClick={() => callRemote(onAddSuggestion)}>
          +
        </button>
      ) : null}
      {onDropdown ? (
        <button type="button" className="kr-chip-button kr-chip-text" aria-haspopup onClick={() => callRemote(onDropdown)}>
          {text} ▾
        </button>
      ) : (
        <span className="kr-chip-text">{text}</span>
      )}
      {onClose ? (
        <button type="button" className="kr-chip-button" aria-label={`Remove ${text}`} onClick={() => callRemote(onClose)}>
          ×
        </button>
      ) : null}
    </span>
  );
}

/**
 * Drawn by the host page, which has no CSP of its own for images: the manifest's
 * image-src is enforced here, as the Dashboard's CSP enforces it there.
 */
export function Img({src, alt, width, height, srcSet, sizes}: ImgProps) {
  const {imageSrc} = useHostSettings();
  if (!src) return null;
  if (!allowedImage(imageSrc, src)) {
    return (
      <span className="kr-img-blocked" role="img" aria-label={alt ?? 'image'} style={{minWidth: width, minHeight: height}}>
        {alt ?? 'image'}
        <span className="kr-blocked-note"> (not loaded: not in the manifest&apos;s image-src)</span>
      </span>
    );
  }
  // srcSet could name other hosts: only kept when every candidate is allowed too.
  const safeSrcSet = srcSet && srcSet.split(',').every((c) => allowedImage(imageSrc, c.trim().split(/\s+/)[0] ?? '')) ? srcSet : undefined;
  return <img className="kr-img" src={src} alt={alt ?? ''} width={width} height={height} srcSet={safeSrcSet} sizes={sizes} referrerPolicy="no-referrer" />;
}

export function TaskList({children}: {children?: ReactNode}) {
  return <ol className="kr-task-list">{children}</ol>;
}

const TASK_ICON: Record<string, string> = {complete: 'checkCircleFilled', 'in-progress': 'clock', blocked: 'warning', 'not-started': 'circle'};

function Task({title, status = 'not-started', onPress}: Pick<TaskListItemProps, 'title' | 'status' | 'onPress'>) {
  const label = (
    <>
      <IconGlyph name={TASK_ICON[status] ?? 'circle'} size="small" />
      <span>{title}</span>
      <span className="kr-sr-only">({status.replace('-', ' ')})</span>
    </>
  );
  return onPress ? (
    <button type="button" className={`kr-task kr-task-${status}`} onClick={() => callRemote(onPress, PRESS)}>
      {label}
    </button>
  ) : (
    <span className={`kr-task kr-task-${status}`}>{label}</span>
  );
}

export function TaskListItem({title, status, onPress, subTasks}: TaskListItemProps) {
  return (
    <li>
      <Task title={title} status={status} onPress={onPress} />
      {subTasks?.length ? (
        <ol className="kr-task-list kr-task-sublist">
          {subTasks.map((task, i) => (
            <li key={i}>
              <Task {...task} />
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}
