/**
 * The Dashboard's top bar: the account, the View picker, the Test mode switch,
 * the preview user and the drawer's toggle, each a native control with a name.
 */
import type {PreviewConfig, PreviewUser} from '../config';
import {viewKey} from './viewKey';

/** The avatar's letters: "Ada Lovelace" → "AL". */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

export function TopBar({
  config,
  soloView,
  openView,
  mode,
  switchMode,
  user,
  setUserId,
  hasDrawer,
  drawerOpen,
  toggleDrawer,
}: {
  config: PreviewConfig;
  soloView: PreviewConfig['views'][number] | undefined;
  openView(key: string): void;
  mode: 'test' | 'live';
  switchMode(mode: 'test' | 'live'): void;
  user: PreviewUser;
  setUserId(id: string): void;
  hasDrawer: boolean;
  drawerOpen: boolean;
  toggleDrawer(): void;
}) {
  return (
    <header className="kr-topbar">
      <div className="kr-account" title={`${config.account.name} (${config.account.id})`}>
        <span className="kr-account-tile" aria-hidden="true">
          {config.account.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="kr-account-text">
          <strong>{config.account.name}</strong>
          <span className="kr-secondary">
            {config.account.id} · offline preview of {config.app.name}
          </span>
        </span>
      </div>
      <div className="kr-topbar-controls">
        <label className="kr-header-field">
          <span className="kr-header-label">View</span>
          <select
            className="kr-header-select kr-header-select-view"
            aria-label="View"
            value={soloView ? viewKey(config.views, soloView) : ''}
            onChange={(e) => {
              // A view of its own is a page of its own: load it, as the Dashboard navigates.
              openView(e.target.value);
            }}
          >
            <option value="">Settings page and drawer</option>
            {config.views.map((v) => (
              <option key={`${v.component}@${v.viewport}`} value={viewKey(config.views, v)}>
                {v.component} ({v.viewport})
              </option>
            ))}
          </select>
        </label>
        <label className="kr-header-toggle">
          <span>Test mode</span>
          {/* The Dashboard's "Test mode" toggle: a real checkbox, so Space flips it and it keeps the browser's semantics. */}
          <input
            type="checkbox"
            role="switch"
            className="kr-switch kr-switch-test"
            checked={mode === 'test'}
            onChange={(e) => switchMode(e.target.checked ? 'test' : 'live')}
          />
        </label>
        <label className="kr-header-field kr-user-switch">
          <span className="kr-avatar" aria-hidden="true">
            {initialsOf(user.name)}
          </span>
          <select className="kr-header-select" aria-label="Preview user" value={user.id} onChange={(e) => setUserId(e.target.value)}>
            {config.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.id})
              </option>
            ))}
          </select>
        </label>
        {hasDrawer ? (
          <button
            type="button"
            className="kr-button kr-button-secondary kr-drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="kr-drawer"
            onClick={toggleDrawer}
          >
            {drawerOpen ? 'Close drawer' : 'Open drawer'}
          </button>
        ) : null}
      </div>
    </header>
  );
}
