export { encodeBaggageValue, mergeSessionBaggage, SESSION_BAGGAGE_KEY } from './baggage.js';
export { type FetchArgs, fetchTargetUrl, isRequest } from './fetch-arguments.js';
export { addPropagationHeaders, propagateThroughFetch } from './propagate-fetch.js';
export { type PropagationOptions, propagateTraceContext } from './propagate-trace-context.js';
export { propagateThroughXhr } from './propagate-xhr.js';
export {
  BAGGAGE_HEADER,
  planPropagationHeaders,
  SESSION_ID_HEADER,
  TRACEPARENT_HEADER,
} from './propagation-headers.js';
export { isHttpUrl, type PropagationTargets, shouldPropagate } from './propagation-target.js';
export {
  createRandomId,
  createTraceContext,
  type ParsedTraceparent,
  parseTraceparent,
  type RandomFill,
  type TraceContext,
} from './traceparent.js';
export { compileUrlPatterns, type PageLocation, parseUrl, readBaseUrl, type UrlMatcher } from './url-pattern.js';
