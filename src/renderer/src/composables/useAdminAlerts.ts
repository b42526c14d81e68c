import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import { api } from '../api';
import { isEntity } from '../stores/reference-entity';

export type EscalationProtocol = MethodOutput<'escalationProtocols.list'>[number];
export type AlertChannel = MethodOutput<'alertChannels.list'>[number];
export type SmtpSettings = MethodOutput<'alertSettings.getSmtp'>;

/** Escalation protocols, e-mail and webhook channels and the SMTP server, kept current by `reference.changed`. */
export const useAdminAlerts = defineStore('adminAlerts', () => {
  const protocols = shallowRef<EscalationProtocol[]>([]);
  const channels = shallowRef<AlertChannel[]>([]);
  const smtp = shallowRef<SmtpSettings | null>(null);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const [protocolList, channelList, smtpSettings] = await Promise.all([
      api.call('escalationProtocols.list', {}),
      api.call('alertChannels.list', {}),
      api.call('alertSettings.getSmtp', {}),
    ]);
    protocols.value = protocolList;
    channels.value = channelList;
    smtp.value = smtpSettings;
    loaded.value = true;
  }

  api.on('reference.changed', ({ entity }) => {
    // `usedBy` of a protocol changes with the policies; a failed refresh keeps the last good lists.
    if (loaded.value && isEntity(entity, 'escalation', 'alert', 'setting', 'sla', 'polic')) load().catch(() => undefined);
  });

  return { protocols, channels, smtp, load };
});
