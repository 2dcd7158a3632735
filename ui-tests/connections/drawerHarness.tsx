/**
 * The Connections drawer rendered with the SDK, for both OAuth modes' suites:
 * its text, banners and buttons, a wait that lets real HTTP catch up, and the
 * Connect link once it is ready. Every drawer opened is unmounted by
 * `closeDrawers()` (after each test), so its effects (the refresh timer above
 * all) clean up.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import ConnectionsDrawer from '../../src/views/ConnectionsDrawer';
import {Connections, type ConnectionOptions} from '../../src/connections';
import type {OAuthContext} from '../../src/connections/connectionMachine';
import {readConnections} from '../../src/oauth';
import {buttonProps, hasBanner, press, renderedStrings} from '../support/remoteTree';
import {renderView} from '../support/renderView';
import {until} from 'stripe-apps-offline/testing';

const opened: Array<() => void> = [];

export function closeDrawers(): void {
  opened.splice(0).forEach((unmount) => unmount());
}

export function openDrawer(context: ExtensionContextValue, oauthContext?: OAuthContext) {
  return harness(renderView(<ConnectionsDrawer {...context} {...(oauthContext ? {oauthContext} : {})} />));
}

/**
 * The drawer's panel with timings of the test's choosing (the drawer view
 * itself always uses the Dashboard's), e.g. a short wait for another tab's sign-in.
 */
export function openPanel(context: ExtensionContextValue, options: ConnectionOptions) {
  const [provider] = readConnections(context.environment.constants).connections;
  if (!provider) throw new Error('the test constants name no usable connection');
  return harness(renderView(<Connections context={context} provider={provider} options={options} />));
}

function harness({wrapper, update, unmount}: ReturnType<typeof renderView>) {
  let mounted = true;
  const close = () => {
    if (mounted) unmount();
    mounted = false;
  };
  opened.push(close);
  return {
    /** Unmounts now, as closing the drawer does. */
    close,
    wrapper,
    text: () => renderedStrings(wrapper),
    wait: (assertion: () => void | Promise<void>, timeoutMs?: number) => until(update, assertion, timeoutMs),
    press: (label: string) => press(wrapper, label),
    banner: (title: string) => hasBanner(wrapper, title),
  };
}
export type Drawer = ReturnType<typeof openDrawer>;

/** The href of the button labelled `label`, once the drawer shows it. */
export async function connectLink(drawer: Drawer, label: string): Promise<string> {
  let href: string | undefined;
  await drawer.wait(() => {
    href = buttonProps(drawer.wrapper, label)?.href as string | undefined;
    expect(href).toBeTruthy();
  });
  return href!;
}

/** Disconnect from <provider>…, then confirms with Disconnect from <provider>, as a person would. */
export async function confirmDisconnect(drawer: Drawer, provider = 'Local OAuth provider'): Promise<void> {
  drawer.press(`Disconnect from ${provider}…`);
  await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Disconnect from ${provider}`)).toBeDefined());
  drawer.press(`Disconnect from ${provider}`);
}
