import type { CoreDeps } from '../rpc/handlers';
import { createAlertChannelHandlers } from './alert-channels.service';
import { createAlertSettingsHandlers } from './alert-settings.service';
import { createAlertsHandlers } from './alerts.service';
import { createEscalationProtocolHandlers } from './escalation-protocols.service';

/**
 * Alerts (DOMAIN.md "Escalation"): SLA clocks walked through their policy's escalation protocol, alerts stored
 * with every delivery attempt and acknowledgement, and delivered in-app, as desktop notifications, by e-mail and
 * by signed webhook.
 */
export { EscalationEngine } from './escalation-engine';
export { raiseAlert, type RaiseAlertInput } from './raise-alert';

export const createAlertHandlers = (deps: CoreDeps) => ({
  ...createAlertsHandlers(deps),
  ...createEscalationProtocolHandlers(deps),
  ...createAlertChannelHandlers(deps),
  ...createAlertSettingsHandlers(deps),
});
