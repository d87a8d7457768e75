import type { FastifyInstance } from 'fastify';
import { sessionPlugin } from '../../src/middleware/fastify/session-plugin.js';
import type { FrameworkApp } from './session-conformance.js';
import type { WorkScenario } from './work-scenario.js';

/** The conformance app on Fastify, given `fastify()` loaded after the instrumentations. */
export async function startFastifyApp(createApp: () => FastifyInstance, scenario: WorkScenario): Promise<FrameworkApp> {
  const app = createApp();
  await app.register(sessionPlugin);
  app.get('/timed', async (_request, reply) => {
    reply.header('Server-Timing', 'app;dur=1');
    return 'ok';
  });
  app.get('/work', () => scenario.work());
  app.post('/work', async (request) => {
    if (typeof request.body !== 'object') throw new Error('body not parsed');
    return scenario.work();
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
