/** An error the shop answers with its own status and message (4xx); anything else is a 500. */
export class ShopError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ShopError';
  }
}
