import { formatDate, formatTime } from '../../labels';
import type { CheckStatus, IntegrationCheck } from '../../types';
import { isOptional, PermissionsNote } from './permissions';

const STATUS_BADGE: Record<CheckStatus, { className: string; label: string }> = {
  OK: { className: 'badge badge-success', label: 'OK' },
  FAILED: { className: 'badge badge-danger', label: 'Failed' },
  UNSUPPORTED: { className: 'badge badge-warning', label: 'Unsupported' },
};

/** The latest check of an integration: one line per S3 permission, with the store's own error code. */
export function CheckResult({ check }: { check: IntegrationCheck }) {
  return (
    <section className="check-result" aria-label="Latest check" data-testid="integration-check-result">
      <div className="check-result-heading">
        <span>
          Last checked{' '}
          <time dateTime={check.checkedAt} title={check.checkedAt}>
            {formatDate(check.checkedAt)} {formatTime(check.checkedAt)}
          </time>
        </span>
        {check.passed ? (
          <span className="badge badge-success" data-testid="integration-check-passed">
            Required permissions work
          </span>
        ) : (
          <span className="badge badge-danger" data-testid="integration-check-failed">
            Required permissions missing
          </span>
        )}
      </div>
      <ul className="check-lines">
        {check.lines.map((line) => {
          const badge = STATUS_BADGE[line.status];
          return (
            <li
              key={line.permission}
              className="check-line"
              data-testid="check-line"
              data-permission={line.permission}
              data-status={line.status}
            >
              <span className="check-line-permission">
                <span className={badge.className}>{badge.label}</span>
                <span className="mono">{line.permission}</span>
                {isOptional(line.permission) && <span className="check-line-optional">optional</span>}
              </span>
              <span className="check-line-message">
                {line.errorCode !== null && <span className="check-line-code mono">{line.errorCode}: </span>}
                {line.message}
              </span>
            </li>
          );
        })}
      </ul>
      <PermissionsNote testId="integration-check-permissions" />
    </section>
  );
}
