import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';
import { BEARER } from './bearer';
import { sendProblem } from './problem';

export interface BucketLimit {
  /** Requests per second, sustained. */
  rate: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export interface RateLimits {
  /** Per credential (API key, session, device token): a runaway integration cannot starve the others. */
  perCredential: BucketLimit;
  /** Sign-in attempts per client address: slows password guessing to a crawl. */
  signIn: BucketLimit;
  /** Requests without a token per client address. */
  anonymous: BucketLimit;
}

/** Far above any real centre's traffic per credential (benchmarks run at full speed through one key). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perCredential: { rate: 2_000, burst: 4_000 },
  signIn: { rate: 0.5, burst: 30 },
  anonymous: { rate: 20, burst: 60 },
};

const SIGN_IN_PATHS = new Set(['/api/v1/auth/login', '/api/v1/rpc/auth.login']);
const IDLE_BUCKET_MS = 10 * 60_000;

class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;

  constructor(private readonly limit: BucketLimit) {}

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, now: number): number {
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.rate));
  }

  /** Forgets buckets idle long enough to be full again, so the map does not grow with every client ever seen. */
  private sweep(now: number): void {
    if (now - this.sweptAt < IDLE_BUCKET_MS) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > IDLE_BUCKET_MS) this.buckets.delete(key);
  }
}

/** The credential a request presents, hashed (a secret is never kept as a map key); null without one. */
function credentialKey(request: FastifyRequest): string | null {
  const match = BEARER.exec(request.headers.authorization ?? '');
  return match ? createHash('sha256').update(match[1]!).digest('base64url') : null;
}

/**
 * Token-bucket limits on the API, checked before anything else is done with a request: over the limit is a
 * 429 problem with Retry-After. Health stays open so monitoring never trips it.
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, now: () => number = Date.now): void {
  const perCredential = new TokenBuckets(limits.perCredential);
  const signIn = new TokenBuckets(limits.signIn);
  const anonymous = new TokenBuckets(limits.anonymous);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
    const path = request.url.split('?')[0]!;
    const credential = credentialKey(request);
    const wait = SIGN_IN_PATHS.has(path)
      ? signIn.take(request.ip, now())
      : credential
        ? perCredential.take(credential, now())
        : anonymous.take(request.ip, now());
    if (wait === 0) return;
    reply.header('retry-after', String(wait));
    return sendProblem(reply, new AppError('rate_limited', `Too many requests; try again in ${wait} s.`).toProblem());
  });
}
