import { useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session.store';

export function useSignOut(): () => Promise<void> {
  const session = useSessionStore();
  const router = useRouter();
  return async () => {
    // Signing out locally must work even when the server cannot be told.
    await session.logout().catch(() => undefined);
    await router.replace('/login');
  };
}
