import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';

/**
 * A stand-in for an external payment provider, mounted on the shop's own server so the
 * demo needs no second process. Mounted at `/payments`. It is called over HTTP (`fetch`), so the trace shows a
 * real outgoing call and the downstream service receiving `session.id` in `baggage`.
 */
export function createPaymentProviderRouter(latencyMs: number): Router {
  const router = Router();
  router.post('/authorize', async (_req, res) => {
    await sleep(latencyMs); // the provider's round trip: the window the race needs
    res.json({ paymentId: `pay_${randomUUID().slice(0, 8)}`, status: 'authorized' });
  });
  return router;
}

/** Asks the provider at `baseUrl` to authorize a charge; resolves with its payment id. */
export async function authorizePayment(baseUrl: string, amountCents: number, cartId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/payments/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amountCents, reference: cartId }),
  });
  if (!response.ok) throw new Error(`payment provider answered ${response.status}`);
  return ((await response.json()) as { paymentId: string }).paymentId;
}
