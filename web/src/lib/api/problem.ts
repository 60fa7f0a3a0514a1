/**
 * The platform answers every error as application/problem+json (RFC 9457) with a stable `code` and, for
 * validation failures, `errors: [{field, message}]`. This module turns any failed call, including one that
 * never reached the platform, into an {@link ApiProblem} whose messages read as sentences.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldProblem[];
  readonly requestId: string | undefined;

  constructor(status: number, problem: ProblemDocument, fallback?: string) {
    const detail = sentence(problem.detail ?? fallback ?? describeStatus(status));
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = problem.code ?? `http.${status}`;
    this.detail = detail;
    this.fieldErrors = Array.isArray(problem.errors)
      ? problem.errors.filter((e): e is FieldProblem => typeof e?.field === 'string' && typeof e?.message === 'string')
      : [];
    this.requestId = problem.requestId;
  }

  /** The first message about `field`, or about one of its parts (`links[0].url` is part of `links`). */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The call never got an answer: the browser is offline, or nothing listens at the gateway. */
export function networkProblem(): ApiProblem {
  return new ApiProblem(0, { code: 'network.unreachable' },
    'The platform could not be reached. Check your connection and try again.');
}

export function describeStatus(status: number): string {
  if (status === 0) return 'The platform could not be reached. Check your connection and try again.';
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'This does not exist, or it is not yours.';
  if (status === 408) return 'The request took too long. Try again.';
  if (status === 413) return 'This is too large to send.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return `Something went wrong on our side (error ${status}). Try again in a moment.`;
  return `The request was refused (error ${status}).`;
}

/** Capitalised, with a full stop: server messages are written both ways. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return trimmed;
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A field's message as a sentence about that field: Bean Validation says "must not be blank", which under a
 * label reads best as "Display name must not be blank."; a message written as a sentence stays as it is.
 */
export function fieldSentence(label: string, message: string): string {
  const trimmed = message.trim();
  if (/^[a-z]/.test(trimmed) && /^(must|should|is|are|has|have|cannot|can't|may)\b/.test(trimmed)) {
    return sentence(`${label} ${trimmed}`);
  }
  return sentence(trimmed);
}

function isProblemLike(body: unknown): body is ProblemDocument {
  return typeof body === 'object' && body !== null && ('detail' in body || 'code' in body || 'title' in body);
}

/** An ApiProblem from a response that failed, whatever its body. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown = undefined;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return problemFrom(response.status, body);
}

export function problemFrom(status: number, body: unknown): ApiProblem {
  if (body instanceof ApiProblem) return body;
  return new ApiProblem(status, isProblemLike(body) ? body : {});
}

/** Any thrown value as an ApiProblem, so every error display has a sentence to show. */
export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof TypeError) return networkProblem();
  return new ApiProblem(0, { code: 'client.error' }, 'Something went wrong in the app. Reload the page and try again.');
}
