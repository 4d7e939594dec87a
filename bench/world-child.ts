/**
 * Entry of the bundled world benchmark (`bundled.ts`): one measured run of
 * full-path in a fresh process, printed as one JSON line. Arguments: the
 * scenario file, the virtual milliseconds to measure, and optionally the
 * trace window.
 */
import { runFullPath } from './world';

const [file, virtual, window] = process.argv.slice(2);
if (file === undefined || virtual === undefined) throw new Error('usage: world-child FILE VIRTUAL_MS [TRACE_WINDOW]');
const run = runFullPath(Number(virtual), 50, 15_000, { file, ...(window === undefined ? {} : { traceWindow: Number(window) }) });
console.log(JSON.stringify(run));
