import type { Capture } from './capture.js';
import { listen } from './internal/listen.js';
import { withSafeReporting } from './internal/safe-context.js';
import { scrubUrl } from './network/scrub-url.js';
import { describeNode } from './serialize/describe-node.js';

/**
 * Records form submissions as `sightline.submit` events: which form, where it would post
 * (query values scrubbed), and whether the page's own script cancelled it. A submit the
 * page cancelled without sending a request is the article's "invisible error" — client
 * validation that told the user nothing they could see for long — and the server's
 * insights look for exactly that. Field values are never read.
 */
export const captureForms: Capture<Record<string, never>> = (context) => {
  const report = withSafeReporting(context).reportInternalError;
  return listen<SubmitEvent>(
    document,
    'submit',
    report,
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const submitter = event.submitter;
      const action = readAction(form);
      // listened in the capture phase, before the page's handlers: read the outcome after them
      setTimeout(() => {
        try {
          context.emit('submit', {
            form: describeNode(form),
            ...(submitter ? { submitter: describeNode(submitter) } : {}),
            method: (form.method || 'get').toUpperCase(),
            ...(action ? { action } : {}),
            prevented: event.defaultPrevented,
          });
        } catch (error) {
          report(error);
        }
      }, 0);
    },
    { capture: true },
  );
};

function readAction(form: HTMLFormElement): string | undefined {
  try {
    return scrubUrl(new URL(form.action, document.baseURI), true);
  } catch {
    return undefined;
  }
}
