/**
 * The host's receiver keeps the tree a view on an older SDK draws. SDK 7 and 8
 * bring @remote-ui/core 2.1, whose "insert child" has no fourth argument; the
 * host's 2.2 receiver read that as a move from the root and lost a node when
 * such a view replaced its spinner with its content (Stripe's super-todo
 * sample crashed the page). A real 2.1 remote root (the kit's devDependency
 * `remote-ui-core-2-1`) drives the real receiver the host uses.
 */
import {createRemoteReceiver, type RemoteChannel, type RemoteReceiverAttachableChild} from '@remote-ui/core';
import {acceptingOlderRemotes} from '../../src/host/remoteProtocol';

interface OldRemoteRoot {
  createComponent(type: string, props?: object, children?: unknown[]): OldRemoteNode;
  createText(text: string): OldRemoteNode;
  appendChild(child: OldRemoteNode): void;
  removeChild(child: OldRemoteNode): void;
  mount(): Promise<void>;
}
interface OldRemoteNode {
  appendChild(child: OldRemoteNode): void;
  removeChild(child: OldRemoteNode): void;
}

// Why require: the alias package has no types of its own (it is @remote-ui/core 2.1.9 under another name).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const oldCore = require('remote-ui-core-2-1') as {createRemoteRoot(channel: RemoteChannel): OldRemoteRoot};

/** The tree the receiver holds, as component types and texts. */
function shape(children: RemoteReceiverAttachableChild[]): unknown[] {
  return children.map((child) => ('type' in child ? {[child.type]: shape(child.children)} : (child as {text: string}).text));
}

/** A view as super-todo's PaymentListView draws it: a header and a spinner, then the header and its content. */
async function spinnerThenContent(channel: RemoteChannel) {
  const root = oldCore.createRemoteRoot(channel);
  const view = root.createComponent('ContextView');
  const header = root.createComponent('Box');
  header.appendChild(root.createText('Get started'));
  const spinner = root.createComponent('Spinner');
  view.appendChild(header);
  view.appendChild(spinner);
  root.appendChild(view);
  await root.mount();
  view.removeChild(spinner);
  const content = root.createComponent('Box');
  content.appendChild(root.createText('No lists have been created.'));
  view.appendChild(content);
}

test("a view on @remote-ui/core 2.1 swaps its spinner for its content, and the host's tree follows", async () => {
  const receiver = createRemoteReceiver();
  await spinnerThenContent(acceptingOlderRemotes(receiver.receive));
  await receiver.flush();
  expect(shape(receiver.attached.root.children)).toEqual([{ContextView: [{Box: ['Get started']}, {Box: ['No lists have been created.']}]}]);
});

test('a current remote (2.2, four arguments) reaches the receiver unchanged', async () => {
  const calls: unknown[][] = [];
  const recording = ((...args: unknown[]) => {
    calls.push(args);
  }) as RemoteChannel;
  const adapted = acceptingOlderRemotes(recording);
  (adapted as (...a: unknown[]) => void)(1, 'parent', 0, {id: 'x', kind: 1, type: 'Box', props: {}, children: []}, 'elsewhere');
  expect(calls).toEqual([[1, 'parent', 0, {id: 'x', kind: 1, type: 'Box', props: {}, children: []}, 'elsewhere']]);
});
