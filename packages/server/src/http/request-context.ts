/** What the auth hooks attach to a request for the routes behind them. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The org the request's key or token belongs to; set by the auth hooks. */
    orgId: number;
  }
}

export {};
