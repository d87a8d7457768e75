export { sessionMiddleware } from './middleware/hono/session-middleware.js';
export type { SessionMiddlewareOptions } from './middleware/middleware-options.js';
