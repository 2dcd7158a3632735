/**
 * The drawer docked at the window's right edge: the app's tile (coloured by
 * the view's ContextView brandColor/brandIcon, if it gives them) and the
 * drawer view.
 */
import {useState, type ComponentProps} from 'react';
import {allowedImage, DrawerBrandContext, type DrawerBrand} from '../components/hostContext';
import type {PreviewConfig} from '../config';
import {ExtensionView} from '../ExtensionView';

/**
 * Where the drawer's tile loads a view's brandIcon from: SVG markup becomes a
 * data URL; a URL only from where an Img may load (data: always). Drawn as an
 * <img>, so an SVG's scripts never run in this page.
 */
function brandIconSrc(icon: string | undefined, imageSrc: string[]): string | null {
  if (!icon) return null;
  if (icon.trimStart().startsWith('<')) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(icon)}`;
  return allowedImage(imageSrc, icon) ? icon : null;
}

type ViewProps = ComponentProps<typeof ExtensionView>;

export function Drawer({
  config,
  session,
  view,
  objectContext,
  oauthContext,
  hooks,
}: {
  config: PreviewConfig;
  session: ViewProps['session'];
  view: PreviewConfig['views'][number];
  objectContext: ViewProps['objectContext'];
  oauthContext: ViewProps['oauthContext'];
  hooks: ViewProps['hooks'];
}) {
  const [brand, setBrand] = useState<DrawerBrand | null>(null);
  const brandIcon = brandIconSrc(brand?.icon, config.imageSrc);
  return (
      <aside className="kr-drawer" id="kr-drawer" aria-label="Drawer">
        {/* The column reaches the page's foot; its content stays in the window under the top bar, scrolling on its own. */}
        <div className="kr-drawer-inner">
          <header className="kr-drawer-header">
            <span className="kr-app-tile" aria-hidden="true" style={brand?.color ? {background: brand.color} : undefined}>
              {brandIcon ? <img src={brandIcon} alt="" /> : config.app.name.slice(0, 1).toUpperCase()}
            </span>
            <strong>{config.app.name}</strong>
          </header>
          <DrawerBrandContext.Provider value={setBrand}>
            <ExtensionView
              config={config}
              session={session}
              component={view.component}
              viewport={view.viewport}
              objectContext={objectContext}
              oauthContext={oauthContext}
              hooks={hooks}
            />
          </DrawerBrandContext.Provider>
        </div>
      </aside>
  );
}
