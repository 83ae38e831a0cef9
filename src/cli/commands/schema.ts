/**
 * `plan schema [kind]`: prints the JSON Schema of a source format on stdout.
 */
import { SCHEMA_KINDS, type SchemaKind, schemaText } from '../../project/schemas.js';
import type { GlobalOptions } from '../main.js';
import { strings } from '../strings.js';

export function runSchema(kind: string, options: GlobalOptions): number {
  if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(`${strings(options.lang).unknownSchema(kind)}\n`);
    return 2;
  }
  process.stdout.write(schemaText(kind as SchemaKind));
  return 0;
}
