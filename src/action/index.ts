/** The bundle entry for `dist/index.js`, which `action.yml` runs: only starts the Action. */
import { run } from './main.js';

void run();
