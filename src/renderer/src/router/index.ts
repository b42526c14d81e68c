import { createRouter, createWebHashHistory, type RouteLocationNormalized, type RouteLocationRaw } from 'vue-router';
import { api } from '../api';
import { useAppStateStore } from '../stores/app-state.store';
import { useSessionStore } from '../stores/session.store';
import { homeFor, routes } from './routes';

// Hash history: the headless server serves only index.html, and Electron loads the page from a file.
export const router = createRouter({ history: createWebHashHistory(), routes });

/**
 * A paired wall display or phone opens a link such as `#/wall?token=…` once: the token is kept and removed
 * from the address bar (replacing the history entry) before anything else looks at the route.
 */
function takePairingToken(to: RouteLocationNormalized): RouteLocationRaw | null {
  const token = to.query.token;
  if (typeof token !== 'string' || token.length === 0) return null;
  useSessionStore().pair(token);
  const { token: _paired, ...query } = to.query;
  return { path: to.path, query, hash: to.hash, replace: true };
}

let navigationTicket = 0;

router.beforeEach(async (to) => {
  navigationTicket = useAppStateStore().begin();
  const paired = takePairingToken(to);
  if (paired) return paired;
  if (to.meta.public) return true;

  const session = useSessionStore();
  const hadToken = api.token() !== null;
  let me;
  try {
    me = await session.ensure();
  } catch {
    return { path: '/unreachable', query: { redirect: to.fullPath } };
  }
  // A stored token the server no longer accepts (expired, revoked) is worth a word on the sign-in page.
  if (!me) return { path: '/login', query: { redirect: to.fullPath, ...(hadToken ? { reason: 'expired' } : {}) } };
  const home = homeFor(me.role);
  if (!home) {
    session.forget();
    return { path: '/login', query: { reason: 'no-screen' } };
  }
  return to.meta.roles?.includes(me.role) ? true : { path: home, replace: true };
});

// Views are keyed by their full path (App.vue): a navigation that fails or lands where it started (a redirect
// back to the current route) mounts no view, so none would settle the marker.
router.afterEach((to, from, failure) => {
  if (failure || to.fullPath === from.fullPath) useAppStateStore().abandon(navigationTicket);
});
router.onError(() => useAppStateStore().fail());
