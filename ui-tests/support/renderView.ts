/**
 * The SDK's testing render(), plus an unmount that really unmounts the React
 * tree. The SDK's own `wrapper.unmount()` only marks the wrapper, so a view's
 * effects never clean up: a connected drawer's refresh timer (about an hour)
 * would keep the jest worker alive after the suite.
 */
import {render as remoteRender} from '@remote-ui/react';
import {createTestRoot, mount} from '@stripe/ui-extension-sdk/testing/mount';
import type {ReactElement} from 'react';

export function renderView(element: ReactElement) {
  const root = createTestRoot();
  const wrapper = mount((r) => remoteRender(element, r), root);
  // As the SDK's update(): let pending promises settle, then let the tree catch up.
  const update = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    wrapper.act(() => null);
  };
  return {wrapper, update, unmount: () => remoteRender(null, root)};
}
