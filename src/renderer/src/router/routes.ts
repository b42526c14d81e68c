import type { RouteRecordRaw } from 'vue-router';
import { STAFF, type Role } from '@shared/roles';
import { PANELS } from './panels';

const bare = { shell: 'bare', theme: 'light' } as const;
const workstation = { shell: 'workstation', theme: 'light' } as const;

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/board' },
  { path: '/login', component: () => import('../views/LoginView.vue'), meta: { ...bare, public: true } },
  // The desktop app's choice of centre (issue #6); main answers it only on the app's own page.
  { path: '/connect', component: () => import('../views/ConnectView.vue'), meta: { ...bare, public: true } },
  { path: '/unreachable', component: () => import('../views/UnreachableView.vue'), meta: { ...bare, public: true } },
  { path: '/board', component: () => import('../views/BoardView.vue'), meta: { ...workstation, roles: STAFF, nav: 'Board' } },
  // At-risk and breached orders, reallocation proposals, open alerts and corrective actions (issue #4).
  { path: '/risk', component: () => import('../views/RiskView.vue'), meta: { ...workstation, roles: STAFF, nav: 'SLA risk' } },
  { path: '/reports', component: () => import('../views/ReportsView.vue'), meta: { ...workstation, roles: STAFF, nav: 'Reports' } },
  { path: '/admin', component: () => import('../views/AdminView.vue'), meta: { ...workstation, roles: ['admin'], nav: 'Admin' } },
  // A board panel alone in its own window (a second monitor); each window keeps its own live connection.
  { path: `/panel/:name(${PANELS.join('|')})`, component: () => import('../views/PanelView.vue'), meta: { ...bare, roles: STAFF } },
  {
    path: '/wall',
    component: () => import('../views/WallView.vue'),
    meta: { shell: 'bare', theme: 'wall', roles: [...STAFF, 'display'] },
  },
  // Staff may open the phone view too, to see it as a given technician sees it.
  { path: '/tech', component: () => import('../views/TechView.vue'), meta: { ...bare, roles: [...STAFF, 'technician'], toasts: 'bottom' } },
  { path: '/:unknown(.*)*', redirect: '/' },
];

/** Where a role lands after signing in or when it opens a route it may not use; null: no screen for it. */
export function homeFor(role: Role): string | null {
  switch (role) {
    case 'display':
      return '/wall';
    case 'technician':
      return '/tech';
    case 'integration':
      return null;
    default:
      return '/board';
  }
}
