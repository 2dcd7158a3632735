/** `npm run build:worker`'s entry: the Worker for this app's own stripe-app.json (worker.ts). */
import manifest from '../stripe-app.json';
import {workerFor} from './worker';

export default workerFor(manifest);
