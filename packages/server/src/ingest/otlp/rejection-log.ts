/** Counts records rejected from a request and keeps a few reasons for the partial-success message. */
export class RejectionLog {
  count = 0;
  private readonly reasons = new Map<string, number>();

  constructor(private readonly noun: string) {}

  /** Records a rejection; returns null so readers can `return rejections.reject(...)`. */
  reject(reason: string): null {
    this.count += 1;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    return null;
  }

  message(): string {
    return [...this.reasons]
      .slice(0, 5)
      .map(([reason, count]) => `${count} ${this.noun}${count === 1 ? '' : 's'} ${reason}`)
      .join('; ');
  }
}
