/**
 * Reading and pressing what a view rendered, including what sits in fragment
 * props (a Banner's `actions`, a ContextView's `primaryAction`), which the
 * SDK's test wrapper does not descend into.
 */
import type {render} from '@stripe/ui-extension-sdk/testing';

// The SDK's wrapper types, named without depending on @remote-ui/testing directly.
type RootNode = ReturnType<typeof render>['wrapper'];
type Node = RootNode | NonNullable<ReturnType<RootNode['findWhere']>>;

/** A remote-ui core object as it sits in a fragment prop. */
interface RemoteObject {
  kind: number; // 1 component, 2 text, 3 fragment
  type?: string;
  text?: string;
  props?: Record<string, unknown>;
  children?: RemoteObject[];
}

const isRemote = (v: unknown): v is RemoteObject =>
  typeof v === 'object' && v !== null && typeof (v as RemoteObject).kind === 'number' && Array.isArray((v as RemoteObject).children ?? []);

interface Found {
  type: string;
  props: Record<string, unknown>;
  text: string;
}

function remoteText(o: RemoteObject): string {
  if (o.kind === 2) return o.text ?? '';
  return (o.children ?? []).map(remoteText).join('');
}

function walkRemote(o: RemoteObject, visit: (f: Found) => void): void {
  if (o.kind === 1 && o.type) visit({type: o.type, props: o.props ?? {}, text: remoteText(o)});
  for (const value of Object.values(o.props ?? {})) if (isRemote(value)) walkRemote(value, visit);
  for (const child of o.children ?? []) walkRemote(child, visit);
}

/** Every component in the tree, fragments included, with its props and text. */
export function everything(root: Node): Found[] {
  const found: Found[] = [];
  const nodes: Node[] = [root, ...root.descendants.filter((d): d is NonNullable<ReturnType<RootNode['findWhere']>> => typeof d !== 'string')];
  for (const node of nodes) {
    const props = (node.props ?? {}) as Record<string, unknown>;
    const type = typeof node.type === 'string' ? node.type : String(node.type ?? 'root');
    found.push({type, props, text: node.text});
    for (const value of Object.values(props)) if (isRemote(value)) walkRemote(value, (f) => found.push(f));
  }
  return found;
}

/** All text and string props, for asserting something is NOT on screen. */
export function renderedStrings(root: Node): string {
  return everything(root)
    .flatMap((f) => [f.text, ...Object.values(f.props).filter((v): v is string => typeof v === 'string')])
    .join('\n');
}

/** Presses the button (anywhere, fragments included) whose text is `text`. */
export function press(root: RootNode, text: string): void {
  const buttons = everything(root).filter((f) => f.type === 'Button' && f.text.trim() === text);
  if (buttons.length !== 1) {
    const all = everything(root).filter((f) => f.type === 'Button').map((f) => JSON.stringify(f.text));
    throw new Error(`expected one button "${text}", found ${buttons.length} (buttons: ${all.join(', ')})`);
  }
  const onPress = buttons[0].props.onPress as ((event?: unknown) => void) | undefined;
  if (!onPress) throw new Error(`button "${text}" has no onPress`);
  root.act(() => onPress({}));
}

export function buttonProps(root: Node, text: string): Record<string, unknown> | undefined {
  return everything(root).find((f) => f.type === 'Button' && f.text.trim() === text)?.props;
}

export function hasBanner(root: Node, title: string): Found | undefined {
  return everything(root).find((f) => f.type === 'Banner' && f.props.title === title);
}
