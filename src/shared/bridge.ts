import type { ProblemDetails } from './errors';

/**
 * What the preload exposes as `window.dispatchBridge`: a fixed, minimal surface. The page never names an IPC
 * channel; main checks the method against the contract and the sender frame.
 * Results come back as an envelope because Electron strips every property but `message` from a thrown error.
 */
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ProblemDetails };

export interface DispatchBridge {
  invoke(method: string, input: unknown): Promise<BridgeResult>;
  /** Subscribe to every live event; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The two IPC channels, fixed here so main and preload cannot disagree. */
export const IPC_INVOKE_CHANNEL = 'dcr:invoke';
export const IPC_EVENT_CHANNEL = 'dcr:event';

/** Which centre the desktop app works: its own store, or a centre served by another computer. */
export type CentreSetting = { mode: 'local' } | { mode: 'remote'; url: string; fingerprint: string | null };

/** The certificate a centre presented, as the user compares it with the one shown on the centre's host. */
export interface CentreCertificate {
  /** e.g. `CN=dispatch.example, O=Example`. */
  subject: string;
  /** ISO 8601 instants. */
  validFrom: string;
  validTo: string;
  /** SHA-256 of the DER certificate, `AB:CD:…` (as Node's X509Certificate.fingerprint256 prints it). */
  fingerprint256: string;
}

/** What checking a centre's address found. */
export interface CentreCheck {
  /** The centre's origin, as it will be saved (`https://host:port`). */
  url: string;
  version: string;
  /** null for plain http, which is allowed only to this computer. */
  certificate: CentreCertificate | null;
  /** The certificate chain and name are trusted by the system, so no fingerprint needs pinning. */
  trustedBySystem: boolean;
}

export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: ProblemDetails };

/**
 * What the preload exposes as `window.dispatchDesktop`, beside the dispatch bridge: choosing the centre this
 * desktop app works. Main answers only the app's own local page, except `showConnectPage`, which any app page may
 * ask for (a remote centre's sign-in page links to it).
 */
export interface DesktopBridge {
  currentCentre(): Promise<DesktopResult<CentreSetting>>;
  /** Connects to `url` without trusting anything yet, and reports the centre's version and certificate. */
  probeCentre(url: string): Promise<DesktopResult<CentreCheck>>;
  /** Saves the centre, pins `fingerprint` (null: the system trusts the certificate) and opens the centre. */
  connectCentre(url: string, fingerprint: string | null): Promise<DesktopResult<null>>;
  useLocalCentre(): Promise<DesktopResult<null>>;
  /** Shows the desktop's own "Connect to a centre" page in the calling window. */
  showConnectPage(): Promise<DesktopResult<null>>;
}

/** One channel per desktop method, fixed here so main and preload cannot disagree. */
export const DESKTOP_CHANNELS = {
  currentCentre: 'dcr:desktop:current-centre',
  probeCentre: 'dcr:desktop:probe-centre',
  connectCentre: 'dcr:desktop:connect-centre',
  useLocalCentre: 'dcr:desktop:use-local-centre',
  showConnectPage: 'dcr:desktop:show-connect-page',
} as const satisfies Record<keyof DesktopBridge, string>;

/** Given to the preload in `additionalArguments`: whether the window shows a remote centre's pages. */
export const REMOTE_CENTRE_ARGUMENT = '--dcr-centre=remote';
export const LOCAL_CENTRE_ARGUMENT = '--dcr-centre=local';

/** Why main sent a window to the connect page instead of the centre (`#/connect?problem=…`). */
export type ConnectProblem = 'certificate' | 'unreachable';
