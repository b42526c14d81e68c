import type { ReportFormat } from '@shared/schemas/compliance-report.schema';
import { isProblem } from '@shared/errors';
import { api } from '../api';
import { ApiError, localProblem } from '../api/api-error';
import { base64ToBytes, filenameFromDisposition, reportDownloadUrl, type ReportQueryInput } from '../charts/report/download';

/** Hands a file to the browser (or Electron's download handling) as if a link to it had been clicked. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next turn; a minute is generous for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** In a browser: the binary route with the bearer token the client holds (a plain link could not carry it). */
async function fetchBinary(format: ReportFormat, query: ReportQueryInput, fallback: string): Promise<{ blob: Blob; filename: string }> {
  const token = api.token();
  let response: Response;
  try {
    response = await fetch(reportDownloadUrl(format, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(localProblem(0, 'The server could not be reached.'), true);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(isProblem(body) ? body : localProblem(response.status, `The server answered HTTP ${response.status}.`));
  }
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition'), fallback) };
}

/**
 * Downloads the compliance report as PDF or CSV and returns the file name. Inside Electron the bridge carries
 * JSON only, so `reports.export` returns the file base64-encoded and it is saved the same way.
 */
export async function downloadReport(format: ReportFormat, query: ReportQueryInput): Promise<string> {
  const fallback = `sla-compliance.${format}`;
  if (api.needsToken) {
    const { blob, filename } = await fetchBinary(format, query, fallback);
    saveBlob(blob, filename);
    return filename;
  }
  const file = await api.call('reports.export', { ...query, format });
  saveBlob(new Blob([base64ToBytes(file.base64)], { type: file.contentType }), file.filename || fallback);
  return file.filename || fallback;
}
