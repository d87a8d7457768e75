export { sessionPlugin } from './middleware/fastify/session-plugin.js';
export type { SessionMiddlewareOptions } from './middleware/middleware-options.js';
