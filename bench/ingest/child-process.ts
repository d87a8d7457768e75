import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildOptions {
  args?: string[];
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** A forked TypeScript child that talks in typed messages, each a `{ type }` object. */
export interface Child<Command, Event extends { type: string }> {
  send(command: Command): void;
  /** The next event of this type; rejects if the child reports `failed` or exits first. */
  next<Type extends Event['type']>(type: Type): Promise<Extract<Event, { type: Type }>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  kill(): void;
}

/** Forks `entry` (a path relative to this folder) under tsx, with its own event loop and process. */
export function forkChild<Command, Event extends { type: string }>(
  entry: string,
  options: ChildOptions = {},
): Child<Command, Event> {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const child = fork(file, options.args ?? [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const received: Event[] = [];
  const waiters: { type: string; resolve(event: Event): void; reject(error: Error): void }[] = [];
  let ended: Error | undefined;

  const settle = () => {
    for (let index = 0; index < waiters.length; index += 1) {
      const waiter = waiters[index];
      if (!waiter) continue;
      const failure = received.find((event) => event.type === 'failed');
      const found = received.findIndex((event) => event.type === waiter.type);
      if (failure) {
        waiter.reject(new Error(`${entry} failed: ${(failure as { message?: string }).message ?? 'no reason given'}`));
      } else if (found !== -1) {
        waiter.resolve(received.splice(found, 1)[0] as Event);
      } else if (ended) {
        waiter.reject(ended);
      } else {
        continue;
      }
      waiters.splice(index, 1);
      index -= 1;
    }
  };

  child.on('message', (event: Event) => {
    received.push(event);
    settle();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      ended = new Error(`${entry} exited (code ${code}, signal ${signal}) before answering`);
      settle();
      resolve(code);
    });
  });

  return {
    send(command) {
      child.send(command as object);
    },
    next<Type extends Event['type']>(type: Type) {
      return new Promise<Extract<Event, { type: Type }>>((resolve, reject) => {
        waiters.push({ type, resolve: resolve as (event: Event) => void, reject });
        settle();
      });
    },
    exited,
    kill() {
      child.kill();
    },
  };
}
