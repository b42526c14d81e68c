import { computed, reactive, shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import type { Priority } from '@shared/schemas/common';
import type { ReportFormat } from '@shared/schemas/compliance-report.schema';
import type { Region } from '@shared/schemas/reference.schema';
import { api } from '../api';
import { describeError } from '../api/api-error';
import type { ReportQueryInput } from '../charts/report/download';
import { browserTimeZone, periodQuery, presetRange, type DayRange } from '../charts/report/period';
import { useSessionStore } from '../stores/session.store';
import { downloadReport } from './useReportDownload';

export type ComplianceReport = MethodOutput<'reports.compliance'>;

export interface ReportFilters {
  customerId: string | null;
  priority: Priority | null;
  regionId: string | null;
  categoryCode: string | null;
}

/** Roles the report methods allow (reports.contract.ts); dispatchers see the policies and calendars only. */
const READERS = ['admin', 'manager'];

/**
 * The Reports window's compliance report: the period and filters being edited, the report on screen (and whether
 * the form has moved on since it was made), and the downloads of the same query as PDF or CSV.
 */
export function useReport() {
  const session = useSessionStore();
  const canRead = computed(() => session.role !== null && READERS.includes(session.role));
  const range = shallowRef<DayRange>(presetRange('last7', Date.now()));
  const filters = reactive<ReportFilters>({ customerId: null, priority: null, regionId: null, categoryCode: null });
  const regions = shallowRef<Region[]>([]);
  const timeZone = browserTimeZone();

  const query = computed<ReportQueryInput>(() => ({
    ...periodQuery(range.value),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.regionId ? { regionId: filters.regionId } : {}),
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
    timeZone,
  }));

  const report = shallowRef<ComplianceReport | null>(null);
  const shownQuery = shallowRef('');
  const previewing = shallowRef(false);
  const previewError = shallowRef<string | null>(null);
  /** The report on screen was made for another period or other filters than the form now shows. */
  const stale = computed(() => report.value !== null && JSON.stringify(query.value) !== shownQuery.value);
  let ticket = 0;

  async function preview(): Promise<void> {
    const asked = query.value;
    const mine = ++ticket;
    previewing.value = true;
    previewError.value = null;
    try {
      const result = await api.call('reports.compliance', asked);
      if (mine !== ticket) return;
      report.value = result;
      shownQuery.value = JSON.stringify(asked);
    } catch (failure) {
      if (mine === ticket) previewError.value = describeError(failure);
    } finally {
      if (mine === ticket) previewing.value = false;
    }
  }

  const downloading = shallowRef<ReportFormat | null>(null);
  /** Downloads the form's query as a file; resolves to its name. */
  async function download(format: ReportFormat): Promise<string> {
    downloading.value = format;
    try {
      return await downloadReport(format, query.value);
    } finally {
      downloading.value = null;
    }
  }

  async function loadRegions(): Promise<void> {
    regions.value = await api.call('regions.list', {});
  }

  return { canRead, range, filters, regions, timeZone, query, report, stale, previewing, previewError, preview, downloading, download, loadRegions };
}

export type ReportState = ReturnType<typeof useReport>;
