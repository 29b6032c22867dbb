import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import type { AccessMethod, Asset } from '../../types';
import { AssetSection } from './AssetSection';

const PINNED = 'sha256:' + 'ab:'.repeat(31) + 'ab';
const PRESENTED = 'sha256:' + 'cd:'.repeat(31) + 'cd';

function method(protocol: AccessMethod['protocol'], pending: string | null): AccessMethod {
  return {
    id: protocol === 'RDP' ? 7 : 8,
    protocol,
    port: protocol === 'RDP' ? 3389 : 5900,
    username: 'operator',
    credential: 'PASSWORD',
    charset: 'UTF-8',
    hostKey: { fingerprint: PINNED, pendingFingerprint: pending },
    telnetPrompts: { username: null, password: null, success: null, failure: null },
  };
}

function render(methods: AccessMethod[]) {
  const asset: Asset = { id: 3, name: 'HMI-3', host: '10.0.0.3', site: null, zone: null, description: null, methods };
  const handlers = { onEdit: vi.fn(), onDelete: vi.fn(), onAddMethod: vi.fn(), onEditMethod: vi.fn() };
  return renderWithApp(<AssetSection asset={asset} {...handlers} onDeleteMethod={vi.fn()} onAcceptHostKey={vi.fn()} />);
}

describe('AssetSection', () => {
  it('flags a changed RDP server certificate with both fingerprints for review', () => {
    render([method('RDP', PRESENTED)]);
    expect(screen.getByText('Certificate changed')).toBeInTheDocument();
    const warning = screen.getByTestId('method-hostkey-warning-7');
    expect(within(warning).getByText(/presented a different RDP server certificate/)).toBeInTheDocument();
    expect(within(warning).getByText(PINNED)).toBeInTheDocument();
    expect(within(warning).getByText(PRESENTED)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept new certificate of RDP on port 3389 of HMI-3' })).toBeInTheDocument();
  });

  it('shows the pinned RDP certificate, and nothing for VNC', () => {
    render([method('RDP', null), method('VNC', null)]);
    expect(screen.getByTitle('Pinned RDP server certificate fingerprint')).toHaveTextContent(PINNED);
    expect(screen.getByText('Not applicable')).toBeInTheDocument();
  });
});
