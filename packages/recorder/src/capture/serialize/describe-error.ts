/** The fields of an Error we record. */
export interface ErrorFacts {
  name?: string;
  message: string;
  stack?: string;
}

/** True for Errors, DOMExceptions and error-shaped objects from any frame. */
export function isErrorLike(value: unknown): value is Error {
  if (value instanceof Error) return true;
  if (typeof value !== 'object' || value === null) return false;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Error]' || tag === '[object DOMException]') return true;
  const candidate = value as Partial<Error>;
  return (
    typeof candidate.message === 'string' && typeof candidate.name === 'string' && typeof candidate.stack === 'string'
  );
}

/** Name, message and stack, each read defensively: an Error subclass may have throwing getters. */
export function readErrorFacts(error: Error): ErrorFacts {
  const name = readString(() => error.name);
  const stack = readString(() => error.stack);
  return { name, message: readString(() => error.message) ?? '', stack };
}

/**
 * An Error as one string: its stack when the stack already starts with `Name: message`
 * (V8), else `Name: message` followed by the stack (Firefox, Safari).
 */
export function formatError(error: Error): string {
  const { name, message, stack } = readErrorFacts(error);
  const heading = name ? (message ? `${name}: ${message}` : name) : message;
  if (!stack) return heading;
  return stack.startsWith(heading) ? stack : `${heading}\n${stack}`;
}

function readString(read: () => unknown): string | undefined {
  try {
    const value = read();
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
