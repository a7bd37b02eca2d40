// `npm run build`: a clean, type-checked compile of src/ into dist/.
import { build } from './dist.mjs';

process.exit(build());
