import type { CoreDeps, HandlerMap } from '../rpc/handlers';
import { buildComplianceReport } from './compliance/build-report';
import { exportComplianceReport } from './compliance/export';

export function createReportHandlers(deps: CoreDeps): HandlerMap<'reports.compliance' | 'reports.export'> {
  return {
    'reports.compliance': async (query) => buildComplianceReport(deps, query),
    'reports.export': async ({ format, ...query }) => {
      const file = await exportComplianceReport(deps, query, format);
      return { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') };
    },
  };
}
