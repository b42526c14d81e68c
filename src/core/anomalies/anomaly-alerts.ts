import { raiseAlert } from '../alerts';
import type { CoreDeps } from '../rpc/handlers';
import { scanForAnomalies, type AnomalyFinding } from './scan';

const HOUR_MS = 3_600_000;

/** One alert per series, group, hour and direction: both charts seeing the same departure is one event for people. */
export const anomalyDedupeKey = (f: AnomalyFinding) => `anomaly:${f.series}:${f.groupBy}:${f.key}:${f.at}:${f.direction}`;

/**
 * Raises an alert for each anomaly at the latest complete hour, once per hour: the series are hourly, so scanning
 * more often finds nothing new. The alert says which method and parameters decided it (DOMAIN.md); managers and
 * dispatchers see it in the app and on the wall, without e-mail: an anomaly is a prompt to look, not a page.
 */
export function anomalyAlertJob(deps: CoreDeps): () => Promise<number> {
  let scannedHour = Number.NEGATIVE_INFINITY;
  return async () => {
    const hour = Math.floor(deps.clock.now() / HOUR_MS);
    if (hour === scannedHour) return 0;
    scannedHour = hour;
    const findings = await scanForAnomalies(deps, deps.clock.now());
    const strongest = new Map<string, AnomalyFinding>();
    for (const f of findings) {
      const key = anomalyDedupeKey(f);
      if (!strongest.has(key) || strongest.get(key)!.score < f.score) strongest.set(key, f);
    }
    let raised = 0;
    for (const [dedupeKey, f] of strongest) {
      const alert = await raiseAlert(deps, {
        kind: 'anomaly',
        severity: f.score >= 2 ? 'critical' : 'warning',
        dedupeKey,
        title: `Anomaly in ${f.groupBy} ${f.label}`,
        message: f.message,
        data: { series: f.series, groupBy: f.groupBy, key: f.key, at: f.at, value: f.value, expected: f.expected, sd: f.sd, direction: f.direction, method: f.method, parameters: f.parameters, score: f.score },
        notifyRoles: ['manager', 'dispatcher'],
        channels: ['in_app', 'desktop'],
      });
      if (alert) raised++;
    }
    return raised;
  };
}
