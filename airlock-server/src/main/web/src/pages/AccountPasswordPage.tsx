import { useState } from 'react';
import { useCurrentUser } from '../auth';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { PageHeader } from '../components/PageHeader';

export function AccountPasswordPage() {
  const user = useCurrentUser();
  const [done, setDone] = useState(false);
  return (
    <>
      <PageHeader title="Change password" description={`For your account ${user.username}.`} />
      <div className="panel panel-narrow">
        <div role="status" className={done ? 'alert alert-success' : 'alert-empty'} data-testid="password-changed">
          {done ? 'Your password has been changed.' : null}
        </div>
        <ChangePasswordForm
          username={user.username}
          submitLabel="Change password"
          onChanged={() => setDone(true)}
        />
      </div>
    </>
  );
}
