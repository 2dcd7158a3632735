/**
 * The Connections drawer rendered with the SDK, for both OAuth modes' suites:
 * its text, banners and buttons, a wait that lets real HTTP catch up, and the
 * Connect link once it is ready. Every drawer opened is unmounted by
 * `closeDrawers()` (after each test), so its effects (the refresh timer above
 * all) clean up.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import ConnectionsDrawer from '../../src/views/ConnectionsDrawer';
import type {OAuthContext} from '../../src/connections/connectionMachine';
import {buttonProps, hasBanner, press, renderedStrings} from '../support/remoteTree';
import {renderView} from '../support/renderView';
import {until} from '../support/until';

const opened: Array<() => void> = [];

export function closeDrawers(): void {
  opened.splice(0).forEach((unmount) => unmount());
}

export function openDrawer(context: ExtensionContextValue, oauthContext?: OAuthContext) {
  const {wrapper, update, unmount} = renderView(<ConnectionsDrawer {...context} {...(oauthContext ? {oauthContext} : {})} />);
  opened.push(unmount);
  return {
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

/** Disconnect…, then confirms with Disconnect, as a person would. */
export async function confirmDisconnect(drawer: Drawer): Promise<void> {
  drawer.press('Disconnect…');
  await drawer.wait(() => expect(buttonProps(drawer.wrapper, 'Disconnect')).toBeDefined());
  drawer.press('Disconnect');
}
