/** A test-only view (never shipped) that does not build: it imports a module that does not exist. */
// @ts-expect-error -- missing on purpose: the preview must report it and start the other views.
import missing from './no-such-module';

const BrokenProbe = () => missing;

export default BrokenProbe;
