import type { Principal } from '../shared/roles';

/** The part of a webContents the session table needs: its id, and notice when it is gone. */
export interface SessionOwner {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * The signed-in session of each window, kept in main: main attaches it to every call, so the renderer needs no
 * token plumbing and a page cannot act under another window's identity. Tokens are resolved on every use, so a
 * revoked or expired session stops working at once.
 */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();
  private readonly watched = new Set<number>();

  constructor(private readonly resolveToken: (token: string) => Promise<Principal | null>) {}

  remember(owner: SessionOwner, token: string): void {
    this.tokens.set(owner.id, token);
    if (this.watched.has(owner.id)) return;
    this.watched.add(owner.id);
    // webContents ids are never reused within a run, but a dead window's token must not outlive it in memory.
    owner.once('destroyed', () => {
      this.tokens.delete(owner.id);
      this.watched.delete(owner.id);
    });
  }

  /** A pop-out opened by a signed-in window shares its session; signing out in either ends it for both. */
  inherit(child: SessionOwner, opener: SessionOwner): void {
    const token = this.tokens.get(opener.id);
    if (token !== undefined) this.remember(child, token);
  }

  forget(ownerId: number): void {
    this.tokens.delete(ownerId);
  }

  /** The window's current principal; null when it is signed out or its session ended. */
  async principalOf(ownerId: number): Promise<Principal | null> {
    const token = this.tokens.get(ownerId);
    return token === undefined ? null : this.resolveToken(token);
  }
}
