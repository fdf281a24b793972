// A worker thread's entry when the service runs from its TypeScript sources (npm start, tests): Node 20 does
// not carry tsx's module hooks into worker threads, so this registers them in the thread and then loads the
// worker module named in piscina's workerData. The compiled build loads its .js worker modules directly.
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { default: handler } = await import(workerData.module);
export default handler;
