import { ApiError } from '../api';

/** What the console answered when it refused (title, detail, each validation error). */
export function ProblemAlert({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const problem =
    error instanceof ApiError
      ? error.problem
      : {
          title: 'Unexpected error',
          status: 0,
          detail: error instanceof Error ? error.message : String(error),
        };
  return (
    <div class="problem" role="alert" data-testid="problem">
      <div class="problem-head">
        <strong>{problem.title}</strong>
        {problem.status > 0 && <span class="problem-status">HTTP {problem.status}</span>}
        {onDismiss && (
          <button
            type="button"
            class="btn btn-ghost btn-small"
            onClick={onDismiss}
            aria-label="Dismiss"
          >
            ×
          </button>
        )}
      </div>
      {problem.detail && <div class="problem-detail">{problem.detail}</div>}
      {'errors' in problem && problem.errors && problem.errors.length > 0 && (
        <ul class="problem-errors">
          {problem.errors.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
