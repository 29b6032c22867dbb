import type { ReactNode } from 'react';
import { LogoMark } from './Icons';

/**
 * The centred card with the Airlock brand used by sign-in and the screens shown before the app shell;
 * `below` goes under the card.
 */
export function AuthScreen({ testId, below, children }: { testId?: string; below?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth-screen">
      <main className="auth-card" data-testid={testId}>
        <div className="auth-brand">
          <LogoMark className="brand-mark" width={36} height={36} />
          <span className="auth-product">Airlock</span>
        </div>
        {children}
      </main>
      {below}
    </div>
  );
}
