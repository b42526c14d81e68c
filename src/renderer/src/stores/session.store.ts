import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { MethodOutput } from '@shared/contract';
import { api } from '../api';
import { toApiError } from '../api/api-error';

export type Me = MethodOutput<'auth.me'>;

/** Who is signed in (from `auth.me`); the token itself lives in the client. */
export const useSessionStore = defineStore('session', () => {
  const me = shallowRef<Me | null>(null);
  let pending: Promise<Me | null> | null = null;

  /** The signed-in principal, asking the server once; null when there are no (valid) credentials. */
  async function ensure(): Promise<Me | null> {
    if (me.value) return me.value;
    if (api.needsToken && !api.token()) return null;
    pending ??= api
      .call('auth.me', {})
      .then((who) => {
        me.value = who;
        api.connect();
        return who;
      })
      .catch((error: unknown) => {
        if (toApiError(error).code !== 'unauthenticated') throw error;
        forget();
        return null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function pair(token: string): void {
    api.setToken(token);
    me.value = null;
  }

  async function login(username: string, password: string): Promise<Me | null> {
    const session = await api.call('auth.login', { username, password });
    pair(session.token);
    return ensure();
  }

  function forget(): void {
    api.setToken(null);
    me.value = null;
  }

  async function logout(): Promise<void> {
    try {
      await api.call('auth.logout', {});
    } finally {
      forget();
    }
  }

  return {
    me,
    role: computed(() => me.value?.role ?? null),
    ensure,
    pair,
    login,
    forget,
    logout,
  };
});
