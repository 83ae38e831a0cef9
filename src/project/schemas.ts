/**
 * JSON Schemas of the source formats, for `plan schema` and for editors: a line
 * `# yaml-language-server: $schema=...` at the top of a file gives completion and checking.
 */
import { registryShape } from '../model/registry.js';
import { type JsonSchema, type LazyShape, schemaDocument } from '../model/shape.js';
import { blockShape, bulletShape, itemShape, planShape } from '../model/source-shape.js';
import { configShape } from './config.js';

export const SCHEMA_KINDS = ['plan', 'agencies', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The JSON Schema document of a source format. */
export function schemaFor(kind: SchemaKind): JsonSchema {
  switch (kind) {
    case 'plan':
      return schemaDocument(
        planShape,
        { id: 'plan.schema.json', title: 'Kế hoạch (*.plan.yaml)', description: 'Nguồn của một kế hoạch cho công cụ plan.' },
        [itemShape, blockShape, bulletShape] as unknown as LazyShape<unknown>[],
      );
    case 'agencies':
      return schemaDocument(registryShape, { id: 'agencies.schema.json', title: 'Danh mục cơ quan (agencies.yaml)', description: 'Các cơ quan và nhóm cơ quan mà kế hoạch có thể giao việc.' });
    case 'config':
      return schemaDocument(configShape, { id: 'config.schema.json', title: 'Cấu hình dự án (plan.config.yaml)', description: 'Thư mục, phông chữ và định dạng trang trong khoảng Nghị định 30/2020/NĐ-CP cho phép.' });
  }
}

/** The schema as the repository ships it: stable formatting, final newline. */
export function schemaText(kind: SchemaKind): string {
  return `${JSON.stringify(schemaFor(kind), null, 2)}\n`;
}
