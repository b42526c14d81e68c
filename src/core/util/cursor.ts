import { AppError } from '../../shared/errors';

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor<T extends (string | number)[]>(cursor: string, length: T['length']): T {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === length && parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return parts as T;
    }
  } catch {
    // reported below as a structured error
  }
  throw new AppError('validation', 'The cursor is not one this server issued.', [{ path: 'cursor', message: 'invalid cursor' }]);
}
