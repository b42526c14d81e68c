import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { MethodInput, MethodOutput } from '@shared/contract';
import { api } from '../api';
import { isEntity } from './reference-entity';

export type User = MethodOutput<'users.list'>[number];
export type ApiKey = MethodOutput<'apiKeys.list'>[number];

/** Accounts and keys for the Admin view. */
export const useAdminStore = defineStore('admin', () => {
  const users = shallowRef<User[]>([]);
  const keys = shallowRef<ApiKey[]>([]);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const [userList, keyList] = await Promise.all([api.call('users.list', {}), api.call('apiKeys.list', {})]);
    users.value = userList;
    keys.value = keyList;
    loaded.value = true;
  }

  async function createUser(input: MethodInput<'users.create'>): Promise<User> {
    const user = await api.call('users.create', input);
    users.value = [...users.value.filter((u) => u.id !== user.id), user].sort((a, b) => a.username.localeCompare(b.username));
    return user;
  }

  async function createKey(input: MethodInput<'apiKeys.create'>): Promise<MethodOutput<'apiKeys.create'>> {
    const created = await api.call('apiKeys.create', input);
    keys.value = [created.key, ...keys.value.filter((k) => k.id !== created.key.id)];
    return created;
  }

  async function revokeKey(id: string): Promise<void> {
    const revoked = await api.call('apiKeys.revoke', { id });
    keys.value = keys.value.map((k) => (k.id === id ? revoked : k));
  }

  api.on('reference.changed', ({ entity }) => {
    // Another admin's change; a failed background refresh keeps the last good lists.
    if (loaded.value && isEntity(entity, 'user', 'apikey', 'key')) load().catch(() => undefined);
  });

  return { users, keys, load, createUser, createKey, revokeKey };
});
