import { ApiProblem, toProblem } from '@/lib/api/problem';
import { Alert } from './alert';

/**
 * A failed call as a sentence, where the action happened. Field messages that no field on the form shows
 * (the form passes the fields it has) are listed here, so no refusal is ever silent.
 */
export function ProblemAlert({
  error,
  fields = [],
  className,
}: {
  error: unknown;
  fields?: readonly string[];
  className?: string;
}) {
  if (!error) return null;
  const problem = toProblem(error);
  const unshown = problem.fieldErrors.filter((e) => !fields.some((f) => belongsTo(e.field, f)));
  return (
    <Alert tone="error" className={className}>
      <p>{problem.detail}</p>
      {unshown.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {unshown.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function belongsTo(errorField: string, field: string): boolean {
  return errorField === field || errorField.startsWith(`${field}.`) || errorField.startsWith(`${field}[`);
}

/**
 * The messages of a failed call by field. `codes` names the field that a refusal without `errors` is about
 * (a taken handle is a 409 with code profile.handle_taken, and belongs under the handle field).
 */
export function fieldErrorsOf(error: unknown, codes: Record<string, string> = {}): (field: string) => string | undefined {
  if (!error) return () => undefined;
  const problem = toProblem(error);
  const fieldForCode = codes[problem.code];
  return (field: string) =>
    problem.messageFor(field) ?? (fieldForCode === field ? problem.detail : undefined);
}

export function isProblem(error: unknown, code: string): boolean {
  return error instanceof ApiProblem && error.code === code;
}
