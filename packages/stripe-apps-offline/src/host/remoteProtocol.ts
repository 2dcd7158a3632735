/**
 * The host's receiver (@remote-ui/core 2.2) hears views whose own
 * @remote-ui/core may be older: SDK 7 and 8 bring 2.1. 2.2 added a fourth
 * argument to "insert child", the node's current parent (or `false` for a new
 * node), so a move is not a copy; 2.1 sends three. Read as 2.2 reads it, the
 * missing fourth means "moved from the root": the receiver then takes the
 * root's last node away and puts it in the new child's place, and the page
 * breaks on the next update ("Cannot read properties of undefined (reading
 * 'kind')" in a view that swaps a spinner for its content).
 */
import {ACTION_INSERT_CHILD, type RemoteChannel} from '@remote-ui/core';

/** A channel as the wire carries it: an action and its arguments, however many. */
type WireChannel = (type: number, ...args: unknown[]) => void;

/** The receiver's channel, with an older remote's "insert child" told as the new node it is. */
export function acceptingOlderRemotes(receive: RemoteChannel): RemoteChannel {
  const deliver = receive as WireChannel;
  const adapted: WireChannel = (type, ...args) => {
    // Three arguments: a 2.1 remote, whose insert is always of a node new to the tree.
    if (type === ACTION_INSERT_CHILD && args.length === 3) deliver(type, ...args, false);
    else deliver(type, ...args);
  };
  return adapted as RemoteChannel;
}
