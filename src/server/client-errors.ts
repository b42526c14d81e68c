import type { Socket } from 'node:net';
import { AppError } from '../shared/errors';
import { PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers or URL over 16 KiB, a broken request
 * line) get the same problem document as everything else, then the connection is closed as Node would.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('headers_too_large', 'The request line and headers exceed 16 KiB.').toProblem()
      : new AppError('bad_request', 'The HTTP request is malformed.').toProblem();
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
