import type { MethodInput } from '@shared/contract';
import type { ReportFormat } from '@shared/schemas/compliance-report.schema';

/** The report's query as it travels: the period, the filters that are set, and the print zone. */
export type ReportQueryInput = MethodInput<'reports.compliance'>;

/** The binary route of a format with the query in the URL (`/api/v1/reports/compliance.pdf?from=…`). */
export function reportDownloadUrl(format: ReportFormat, query: ReportQueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  return `/api/v1/reports/compliance.${format}?${params.toString()}`;
}

/** The file name a `Content-Disposition: attachment; filename="…"` header gives, or `fallback`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A malformed encoding falls through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || fallback;
}

/** `sla-compliance-2026-11-18-to-2026-11-24.pdf`, used when the server named no file (it always does today). */
export function fallbackFilename(format: ReportFormat, fromDay: string, lastDay: string): string {
  return `sla-compliance-${fromDay}-to-${lastDay}.${format}`;
}

/** The bytes of a base64 string (IPC carries files as base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
