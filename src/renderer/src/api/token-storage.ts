/** Browser token storage (wall displays and phones keep their paired token across restarts). */
const TOKEN_KEY = 'dcr.token';

export const tokenStorage = {
  read(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  write(token: string | null): void {
    try {
      if (token) localStorage.setItem(TOKEN_KEY, token);
      else localStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage can be disabled (private mode, kiosk policies); the token then lives for this page only.
    }
  },
};
