import reference from './0001-reference';
import operations from './0002-operations';

export interface Migration {
  /** Zero-padded so lexical order is application order. */
  name: string;
  sql: string;
}

/**
 * Every migration this build knows, in application order. Static imports rather than `readdir`, so the list
 * survives bundling. Append only: a shipped entry is never edited, renamed or removed.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_reference', sql: reference },
  { name: '0002_operations', sql: operations },
];
