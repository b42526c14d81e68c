import { createClient } from './client';

/** The one client of this window, shared by every store. */
export const api = createClient();
