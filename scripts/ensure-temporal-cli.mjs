// Prints the path of a Temporal CLI, building it first if needed (see lib/temporal-cli.mjs).
import { ensureTemporalCli } from './lib/temporal-cli.mjs';

const path = await ensureTemporalCli((line) => console.error(line));
console.log(path);
