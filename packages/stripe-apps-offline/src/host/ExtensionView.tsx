/** One view of the app, rendered by the host from the tree its iframe sends. */
import {createRemoteReceiver} from '@remote-ui/core';
import {RemoteRenderer} from '@remote-ui/react/host';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';
import {useEffect, useMemo, useRef, useState} from 'react';
import {hostController} from './components';
import {HostSettingsContext, type HostSettings} from './components/hostContext';
import type {PreviewConfig} from './config';
import {connectExtension, type ExtensionFrame} from './frame';
import {appStorage, encodeAppRoute} from './navigation';
import {createPlatform, sourceStack, type PlatformHooks, type Session} from './platform';

export function ExtensionView(props: {
  config: PreviewConfig;
  session: Session;
  component: string;
  viewport: string;
  oauthContext?: ExtensionContextValue['oauthContext'];
  /** The object of the Dashboard page the view sits on (detail pages only). */
  objectContext?: {id: string; object: string} | null;
  hooks: PlatformHooks;
  /** The view's own route (the SDK router's), as the page's address holds it. */
  route?: {href: string; searchParams: SearchParams};
  onRouteChange?(href: string, searchParams: SearchParams, replace: boolean): void;
}) {
  const {config, session, component, viewport, oauthContext, objectContext = null, hooks, route, onRouteChange} = props;
  // Read when the frame starts and kept current, without restarting the view on every route change.
  const routeRef = useRef(route ?? {href: '/', searchParams: {}});
  const reported = useRef(encodeAppRoute(routeRef.current.href, routeRef.current.searchParams));
  const onRouteChangeRef = useRef(onRouteChange);
  onRouteChangeRef.current = onRouteChange;
  const frameRef = useRef<ExtensionFrame | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  // A new receiver per mount: switching user or mode starts the view afresh, as the Dashboard does.
  const receiver = useMemo(() => createRemoteReceiver(), []);
  const [error, setError] = useState<string | null>(null);
  const settings = useMemo<HostSettings>(
    () => ({imageSrc: config.imageSrc, navigate: hooks.navigate, sourceStack: (stack) => sourceStack(config, stack)}),
    [config, hooks.navigate],
  );

  // A view that is missing or did not build is not loaded: its problem is shown in its place.
  const problem = config.problems.find((p) => p.component === component && p.unavailable);

  useEffect(() => {
    if (!holder.current || problem) return undefined;
    const context: ExtensionContextValue = {
      userContext: {
        id: session.user.id,
        name: session.user.name,
        account: {id: config.account.id, name: config.account.name, country: config.account.country, isSandbox: false},
        locale: 'en-US',
        roles: session.user.roles,
      },
      environment: {
        mode: session.mode,
        viewportID: viewport,
        // The SDK's JSON type; the manifest's constants are JSON by construction.
        constants: (config.constants ?? undefined) as ExtensionContextValue['environment']['constants'],
        objectContext,
      },
      appContext: {
        authorizedPermissions: config.permissions,
        authorizedContentSecurityPolicy: {connectSrc: config.connectSrc, imageSrc: config.imageSrc.length ? config.imageSrc : null},
      },
      ...(oauthContext ? {oauthContext} : {}),
    };
    // useStorage is shared by the app's views for one user in one mode, as in one Dashboard session.
    const storage = appStorage(`${session.user.id}/${session.mode}`);
    const self = {};
    const frame = connectExtension({
      src: `/__preview/frame/${encodeURIComponent(component)}?build=${config.build}`,
      holder: holder.current,
      receiver,
      context,
      start: () => ({...routeRef.current, storage: storage.snapshot()}),
      platform: createPlatform(config, session, hooks, {
        routeChanged(href, searchParams, replace) {
          routeRef.current = {href, searchParams};
          reported.current = encodeAppRoute(href, searchParams);
          onRouteChangeRef.current?.(href, searchParams, replace);
        },
        storageWrite: (key, value) => storage.write(key, value, self),
      }) as unknown as Record<string, (...args: never[]) => unknown>,
      onError: setError,
    });
    frameRef.current = frame;
    const unsubscribe = storage.subscribe((key, value, from) => {
      if (from !== self) void frame.remote()?.storageChanged(key, value);
    });
    return () => {
      unsubscribe();
      frameRef.current = null;
      frame.dispose();
    };
  }, [config, session, component, viewport, oauthContext, objectContext, hooks, receiver, problem]);

  // Back or forward in the page: the view's router follows, unless the view itself made this route.
  const routeKey = route ? encodeAppRoute(route.href, route.searchParams) : null;
  useEffect(() => {
    if (!route || routeKey === reported.current) return;
    routeRef.current = route;
    reported.current = routeKey ?? '/';
    void frameRef.current?.remote()?.setHref(route.href, route.searchParams);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- routeKey stands for route's content
  }, [routeKey]);

  if (problem) {
    return (
      <div className="kr-extension" data-view={component}>
        <div className="kr-banner kr-banner-critical kr-view-error" role="alert">
          <div className="kr-banner-body">
            <div className="kr-banner-title">{component} cannot be shown</div>
            <pre>{problem.message}</pre>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="kr-extension" data-view={component}>
      {/* Drawn, not `hidden`: a browser runs no requestAnimationFrame in an undrawn
          frame, so a canvas or WebGL view would never paint. A few transparent pixels (styles.css). */}
      <div ref={holder} className="kr-realm-holder" aria-hidden="true" />
      {error ? <div className="kr-banner kr-banner-critical">{error}</div> : null}
      <HostSettingsContext.Provider value={settings}>
        <RemoteRenderer receiver={receiver} controller={hostController} />
      </HostSettingsContext.Provider>
    </div>
  );
}
