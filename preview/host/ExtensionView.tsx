/** One view of the app, rendered by the host from the tree its iframe sends. */
import {createRemoteReceiver} from '@remote-ui/core';
import {RemoteRenderer} from '@remote-ui/react/host';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useEffect, useMemo, useRef, useState} from 'react';
import {hostController} from './components';
import {HostSettingsContext} from './components/hostContext';
import type {PreviewConfig} from './config';
import {connectExtension} from './frame';
import {createPlatform, type PlatformHooks, type Session} from './platform';

export function ExtensionView(props: {
  config: PreviewConfig;
  session: Session;
  component: string;
  viewport: string;
  oauthContext?: ExtensionContextValue['oauthContext'];
  /** The object of the Dashboard page the view sits on (detail pages only). */
  objectContext?: {id: string; object: string} | null;
  hooks: PlatformHooks;
}) {
  const {config, session, component, viewport, oauthContext, objectContext = null, hooks} = props;
  const holder = useRef<HTMLDivElement>(null);
  // A new receiver per mount: switching user or mode starts the view afresh, as the Dashboard does.
  const receiver = useMemo(() => createRemoteReceiver(), []);
  const [error, setError] = useState<string | null>(null);
  const settings = useMemo(() => ({imageSrc: config.imageSrc}), [config.imageSrc]);

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
    const frame = connectExtension({
      src: `/__preview/frame/${encodeURIComponent(component)}?build=${config.build}`,
      holder: holder.current,
      receiver,
      context,
      platform: createPlatform(config, session, hooks) as unknown as Record<string, (...args: never[]) => unknown>,
      onError: setError,
    });
    return () => frame.dispose();
  }, [config, session, component, viewport, oauthContext, objectContext, hooks, receiver, problem]);

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
      <div ref={holder} hidden />
      {error ? <div className="kr-banner kr-banner-critical">{error}</div> : null}
      <HostSettingsContext.Provider value={settings}>
        <RemoteRenderer receiver={receiver} controller={hostController} />
      </HostSettingsContext.Provider>
    </div>
  );
}
