import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Core } from '../core';
import { contract, type MethodOutput } from '../shared/contract';
import { ComplianceReportQuery, type ReportFormat } from '../shared/schemas/compliance-report.schema';
import { authorize, toFieldErrors } from '../core/rpc/router';
import { AppError } from '../shared/errors';
import { principalOf } from './bearer';

const FORMATS: Record<ReportFormat, { path: string; contentType: string; description: string }> = {
  pdf: { path: '/api/v1/reports/compliance.pdf', contentType: 'application/pdf', description: 'A4 PDF with page numbers, vector charts and tables.' },
  csv: { path: '/api/v1/reports/compliance.csv', contentType: 'text/csv', description: 'RFC 4180 CSV; each section starts with a row naming its columns.' },
};

/**
 * The compliance report as binary downloads. The contract carries JSON only, so these two routes call the
 * `reports.export` method through core (the same role and scope check, the same query schema, the same file as
 * over IPC) and send its bytes as the file itself.
 */
export function registerReportRoutes(app: FastifyInstance, core: Core): void {
  for (const [format, { path }] of Object.entries(FORMATS) as [ReportFormat, (typeof FORMATS)[ReportFormat]][]) {
    app.get(path, async (request, reply) => {
      const principal = await principalOf(core, request);
      authorize('reports.export', contract['reports.export'], principal);
      // The format comes from the path: a `format` in the query is an unknown field like any other.
      const query = ComplianceReportQuery.safeParse(request.query ?? {});
      if (!query.success) {
        const errors = toFieldErrors(query.error);
        throw new AppError('validation', `Invalid report query: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
      }
      const input = { ...(request.query as Record<string, unknown>), format };
      const file = (await core.call('reports.export', input, principal)) as MethodOutput<'reports.export'>;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.base64, 'base64'));
    });
  }
}

/** OpenAPI entries for the two downloads (the generated document covers only the JSON contract). */
export function reportDownloadPaths(): Record<string, Record<string, unknown>> {
  const def = contract['reports.export'];
  const schema = z.toJSONSchema(ComplianceReportQuery, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown>; required?: string[] };
  const parameters = Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  return Object.fromEntries(
    Object.entries(FORMATS).map(([format, f]) => [
      f.path,
      {
        get: {
          operationId: `reports.compliance.${format}`,
          summary: `The compliance report as ${format.toUpperCase()}.`,
          description: `${f.description} Same query as GET /api/v1/reports/compliance; roles: ${(def.roles as readonly string[]).join(', ')}; API-key scope: ${def.scopes!.join(', ')}.`,
          tags: ['reports'],
          parameters,
          responses: {
            '200': {
              description: `The file, with Content-Disposition: attachment and a file name naming the period.`,
              content: { [f.contentType]: { schema: { type: 'string', format: 'binary' } } },
            },
            '400': problem('Invalid query: `errors` names each offending field.'),
            '401': problem('Missing, unknown, expired or revoked token.'),
            '403': problem('The caller’s role or API-key scopes do not allow this report.'),
          },
        },
      },
    ]),
  );
}
