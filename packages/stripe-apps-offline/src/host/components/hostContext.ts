/** What host components need to know about the app beyond their props. */
import {createContext, useContext} from 'react';

export interface HostSettings {
  /** The manifest's image-src: the only places an `Img` may load from (data: URLs aside). */
  imageSrc: string[];
  /** Where a press on a Dashboard route href goes: the page's route bar, or the app's own page. */
  navigate(route: unknown): void;
  /** A view's error stack with its bundle frames turned into the source files they came from (the server has the maps). */
  sourceStack(stack: string): Promise<string>;
}

export const HostSettingsContext = createContext<HostSettings>({imageSrc: [], navigate: () => undefined, sourceStack: (stack) => Promise.resolve(stack)});

export const useHostSettings = () => useContext(HostSettingsContext);

/** A drawer view's ContextView brandColor and brandIcon, drawn in the drawer's header as the app's tile. */
export interface DrawerBrand {
  color?: string;
  icon?: string;
}

/** Set by the page around the drawer's view only: views elsewhere have no drawer header to brand. */
export const DrawerBrandContext = createContext<((brand: DrawerBrand | null) => void) | null>(null);

/**
 * Would a CSP `img-src` made of `sources` let `src` load? Entries are the
 * manifest's: an origin allows any path on it, a path ending in "/" its sub-tree,
 * any other path only itself.
 */
export function allowedImage(sources: string[], src: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol === 'data:') return true;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return sources.some((entry) => {
    let allowed: URL;
    try {
      allowed = new URL(entry);
    } catch {
      return false;
    }
    if (allowed.origin !== url.origin) return false;
    if (allowed.pathname === '/' && !entry.endsWith('/')) return true;
    return entry.endsWith('/') ? url.pathname.startsWith(allowed.pathname) : url.pathname === allowed.pathname;
  });
}
