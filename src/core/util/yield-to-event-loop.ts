/**
 * Resolves after the event loop has served the I/O waiting now. Long background passes (placing thousands of new
 * orders' clocks) await it between chunks, so requests arriving meanwhile are answered between two chunks instead
 * of after the whole pass.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
