import 'vue-router';
import type { Role } from '@shared/roles';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Roles that may open the route (admin is listed explicitly where allowed). */
    roles?: readonly Role[];
    /** `workstation`: top bar and navigation; `bare`: full-screen (wall, phone, login). */
    shell: 'workstation' | 'bare';
    theme: 'light' | 'wall';
    /** Where toasts appear: phones show them at the bottom, near the thumb, clear of the header. */
    toasts?: 'top' | 'bottom';
    /** Label in the workstation navigation; routes without one are not listed there. */
    nav?: string;
  }
}
