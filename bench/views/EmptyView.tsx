/** The floor for view benchmarks: an SDK view with nothing in it, built like the app's views. */
import {ContextView} from '@stripe/ui-extension-sdk/ui';

const EmptyView = () => <ContextView title="Empty">{null}</ContextView>;

export default EmptyView;
