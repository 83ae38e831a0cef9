// Font tables are big-endian structures inside a larger file buffer; a DataView over one table's
// own bytes lets each reader address its fields from zero.

/** A DataView over exactly `bytes` (a table, or a whole font file). */
export const tableView = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
