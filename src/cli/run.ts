// Runs the CLI from its TypeScript sources (`node --import tsx src/cli/run.ts …`), the way git hooks
// installed by a test or a development checkout start it; the published CLI starts from bin/recital.js.
import { main } from './main.js';

await main();
