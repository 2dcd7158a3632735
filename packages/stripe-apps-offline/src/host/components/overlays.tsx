/**
 * Host versions of the SDK's overlays: FocusView, Menu, Tooltip and
 * ButtonGroup's overflow menu. Each opens and closes by mouse and keyboard,
 * closes on Escape and hands focus back to what opened it.
 */
import type {ButtonGroupProps, FocusViewProps, MenuGroupProps, MenuItemProps, MenuProps, TooltipProps} from '@stripe/ui-extension-sdk/ui';
import {Children, createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject} from 'react';
import {callRemote} from './shared';

/** Closes an open overlay on a press outside it, as the Dashboard's popovers do. */
function useOutsidePress(ref: RefObject<HTMLElement>, open: boolean, close: () => void) {
  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [ref, open, close]);
}

const focusables = (root: HTMLElement | null) =>
  Array.from(root?.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex="0"]') ?? []);

// --- FocusView -------------------------------------------------------------

export function FocusView({title, shown, setShown, children, footerContent, primaryAction, secondaryAction, confirmCloseMessages, size}: FocusViewProps) {
  // Uncontrolled when the view passes no `shown`: it is open while mounted.
  const [localShown, setLocalShown] = useState(true);
  const open = shown ?? localShown;
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    if (!open) return undefined;
    opener.current = document.activeElement;
    focusables(dialog.current)[0]?.focus();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, [open]);

  if (!open) return null;
  const close = () => {
    setConfirming(false);
    setLocalShown(false);
    callRemote(setShown, false);
  };
  const requestClose = () => (confirmCloseMessages ? setConfirming(true) : close());
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (confirming) setConfirming(false);
      else requestClose();
    }
    // Keep Tab inside the dialog while it is open.
    if (e.key === 'Tab') {
      const items = focusables(dialog.current);
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  return (
    <div className="kr-focus-backdrop">
      <div
        ref={dialog}
        className={`kr-focus-view kr-focus-view-${size ?? 'small'}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="kr-view-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="kr-icon-button" aria-label="Close" onClick={requestClose}>
            ×
          </button>
        </header>
        <div className="kr-view-body kr-focus-body">{children}</div>
        {footerContent || primaryAction || secondaryAction ? (
          <footer className="kr-view-footer">
            {footerContent}
            <span className="kr-spacer" />
            {secondaryAction}
            {primaryAction}
          </footer>
        ) : null}
        {confirming && confirmCloseMessages ? (
          <div className="kr-confirm" role="alertdialog" aria-label={confirmCloseMessages.title}>
            <strong>{confirmCloseMessages.title}</strong>
            <p>{confirmCloseMessages.description}</p>
            <div className="kr-confirm-actions">
              <button type="button" className="kr-button kr-button-secondary" onClick={() => setConfirming(false)}>
                {confirmCloseMessages.cancelAction}
              </button>
              <button type="button" className="kr-button kr-button-destructive" onClick={close}>
                {confirmCloseMessages.exitAction}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

// --- Menu ------------------------------------------------------------------

const MenuContext = createContext<{select(id: string | undefined): void} | null>(null);

/** Arrow keys move between a menu's items, Home/End jump, Escape closes. */
function menuKeys(e: KeyboardEvent<HTMLElement>, close: () => void) {
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])'));
  const at = items.indexOf(document.activeElement as HTMLElement);
  const move = (to: number) => {
    e.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  };
  if (e.key === 'ArrowDown') move(at + 1);
  else if (e.key === 'ArrowUp') move(at - 1);
  else if (e.key === 'Home') move(0);
  else if (e.key === 'End') move(items.length - 1);
  else if (e.key === 'Escape' || e.key === 'Tab') {
    if (e.key === 'Escape') e.preventDefault();
    close();
  }
}

/**
 * A trigger (any element the view passes) and a popup list of items. The
 * trigger's own press still reaches the view; the host opens the menu around it.
 */
export function Popup({trigger, label, children, onSelect}: {trigger: ReactNode; label: string; children: ReactNode; onSelect?: (id: string | undefined) => void}) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) focusables(wrapper.current)[0]?.focus();
  };
  useOutsidePress(wrapper, open, () => setOpen(false));
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open]);
  // The trigger is the view's element: mark it as what opens this menu.
  useEffect(() => {
    const button = focusables(wrapper.current)[0];
    button?.setAttribute('aria-haspopup', 'menu');
    button?.setAttribute('aria-expanded', String(open));
    button?.setAttribute('aria-controls', id);
  });
  return (
    <span className="kr-popup" ref={wrapper}>
      <span
        className="kr-popup-trigger"
        onClick={(e) => {
          if (list.current?.contains(e.target as Node)) return;
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </span>
      {open ? (
        <div ref={list} id={id} className="kr-menu" role="menu" aria-label={label} onKeyDown={(e) => menuKeys(e, () => close())}>
          <MenuContext.Provider
            value={{
              select: (itemId) => {
                onSelect?.(itemId);
                close();
              },
            }}
          >
            {children}
          </MenuContext.Provider>
        </div>
      ) : null}
    </span>
  );
}

export function Menu({trigger, onAction, children}: MenuProps) {
  return (
    <Popup trigger={trigger ?? <DefaultTrigger label="Menu" />} label="Menu" onSelect={(id) => id !== undefined && callRemote(onAction, id)}>
      {children}
    </Popup>
  );
}

function DefaultTrigger({label}: {label: string}) {
  return (
    <button type="button" className="kr-button kr-button-secondary" aria-label={label}>
      ⋯
    </button>
  );
}

/** Enter and Space choose a menu item, as they press a button. */
const onActivateKey = (activate: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    activate();
  }
};

export function MenuItem({id, disabled, onAction, children}: MenuItemProps) {
  const menu = useContext(MenuContext);
  const choose = () => {
    if (disabled) return;
    callRemote(onAction, id);
    menu?.select(id);
  };
  return (
    <div
      className="kr-menu-item"
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      onClick={choose}
      onKeyDown={onActivateKey(choose)}
    >
      {children}
    </div>
  );
}

export function MenuGroup({title, children}: MenuGroupProps) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={title ? id : undefined} className="kr-menu-group">
      {title ? (
        <div id={id} className="kr-menu-group-title">
          {title}
        </div>
      ) : null}
      {children}
    </div>
  );
}

// --- Tooltip ---------------------------------------------------------------

export function Tooltip({trigger, children, placement = 'top', type = 'description'}: TooltipProps) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const id = useId();
  // The tooltip names (type "label") or describes its trigger, for screen readers as well.
  useEffect(() => {
    const target = focusables(wrapper.current)[0];
    target?.setAttribute(type === 'label' ? 'aria-labelledby' : 'aria-describedby', id);
  });
  return (
    <span
      ref={wrapper}
      className="kr-tooltip-wrapper"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      {trigger}
      <span id={id} role="tooltip" className={`kr-tooltip kr-tooltip-${placement.split(' ')[0]}`} hidden={!open}>
        {children}
      </span>
    </span>
  );
}

// --- ButtonGroup -----------------------------------------------------------

/** Past this many buttons, a collapsing group moves the rest into a menu. */
const VISIBLE_IN_GROUP = 3;

export function ButtonGroup({children, direction = 'row', collapse = 'auto', menuTrigger}: ButtonGroupProps) {
  const buttons = Children.toArray(children);
  const overflow = collapse === 'auto' && buttons.length > VISIBLE_IN_GROUP;
  const shown = overflow ? buttons.slice(0, VISIBLE_IN_GROUP - 1) : buttons;
  return (
    <div className={`kr-button-group kr-button-group-${direction}`} role="group">
      {shown}
      {overflow ? (
        <Popup trigger={menuTrigger ?? <DefaultTrigger label="More actions" />} label="More actions">
          {buttons.slice(VISIBLE_IN_GROUP - 1).map((button, i) => (
            <ClickThroughItem key={i}>{button}</ClickThroughItem>
          ))}
        </Popup>
      ) : null}
    </div>
  );
}

/** A menu item wrapping a button or link (a collapsed button, a row action): choosing it presses what it wraps. */
export function ClickThroughItem({children}: {children: ReactNode}) {
  const menu = useContext(MenuContext);
  const holder = useRef<HTMLDivElement>(null);
  // The click bubbles back up to this item, which closes the menu.
  const press = () => holder.current?.querySelector<HTMLElement>('button, a')?.click();
  return (
    <div
      ref={holder}
      className="kr-menu-item kr-menu-item-button"
      role="menuitem"
      tabIndex={-1}
      onClick={() => menu?.select(undefined)}
      onKeyDown={onActivateKey(press)}
    >
      {children}
    </div>
  );
}
