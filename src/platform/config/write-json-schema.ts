/** `npm run schema`: writes config/infra.schema.json for editors (kept in sync by a test). */
import { writeFileSync } from 'node:fs';
import { infraConfigJsonSchema } from './json-schema.ts';

writeFileSync('config/infra.schema.json', `${JSON.stringify(infraConfigJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote config/infra.schema.json\n');
