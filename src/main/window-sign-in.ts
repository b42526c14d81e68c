import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import { WindowSessions, type SessionOwner } from './sessions';
import type { WindowManager } from './window-manager';

/** The window sessions, also telling who signs in (main binds this one to IPC in place of the plain table). */
export class SignInAwareSessions extends WindowSessions {
  private readonly listeners = new Set<(owner: SessionOwner) => void>();

  /** `listener` hears of every window that gains a session; returns the unsubscribe function. */
  onSignIn(listener: (owner: SessionOwner) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  override remember(owner: SessionOwner, token: string): void {
    super.remember(owner, token);
    for (const listener of this.listeners) listener(owner);
  }
}

/**
 * Walls reopened at start open before anyone has signed in, so they show the sign-in page. When the board signs
 * in, every wall still signed out takes the board's session and goes back to its page, as a wall opened from a
 * signed-in board would have. Returns the unsubscribe function.
 */
export function signInWallsWithBoard(sessions: SignInAwareSessions, windows: WindowManager, logger: Logger): () => void {
  async function adopt(board: BrowserWindow): Promise<void> {
    for (const wall of windows.wallWindows()) {
      // A wall someone signed in on directly (a display account) keeps its own session.
      if (await sessions.principalOf(wall.webContents.id)) continue;
      if (wall.isDestroyed() || board.isDestroyed()) continue;
      sessions.inherit(wall.webContents, board.webContents);
      windows.reloadWall(wall);
    }
  }

  return sessions.onSignIn((owner) => {
    const board = windows.board();
    if (!board || owner.id !== board.webContents.id) return;
    adopt(board).catch((error: unknown) => logger.error('wall sign-in failed', { error: String((error as Error)?.stack ?? error) }));
  });
}
