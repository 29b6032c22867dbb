import { useState } from 'react';
import { useCurrentUser } from '../auth';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { PageHeader } from '../components/PageHeader';
import { StatusAlert } from '../components/States';

export function AccountPasswordPage() {
  const user = useCurrentUser();
  const [done, setDone] = useState(false);
  return (
    <>
      <PageHeader title="Change password" description={`For your account ${user.username}.`} />
      <div className="panel panel-narrow">
        <StatusAlert message={done ? 'Your password has been changed.' : null} testId="password-changed" />
        <ChangePasswordForm
          username={user.username}
          submitLabel="Change password"
          onChanged={() => setDone(true)}
        />
      </div>
    </>
  );
}
