import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, lastRequest, renderWithApp } from '../../test/render';
import type { Asset } from '../../types';
import { AssetDialog } from './AssetDialog';

const PLC: Asset = {
  id: 4,
  name: 'PLC-4',
  host: '10.0.0.4',
  site: 'North',
  zone: null,
  description: null,
  methods: [],
};

describe('AssetDialog', () => {
  it('refuses a host with a scheme or a port, on the host field', async () => {
    const onSaved = vi.fn();
    const { user } = renderWithApp(<AssetDialog asset={null} onClose={() => {}} onSaved={onSaved} />);
    await user.type(screen.getByLabelText('Name'), 'Press 2');
    await user.type(screen.getByLabelText('Host'), 'http://press-2');
    await user.click(screen.getByRole('button', { name: 'Add asset' }));

    expect(
      await screen.findByText('Enter only a host name or IP address, without spaces, protocol or port.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Host')).toHaveFocus());
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends a cleared optional field as null and hands on the saved asset', async () => {
    const saved = { ...PLC, site: null };
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(200, saved));
    const onSaved = vi.fn();
    const { user } = renderWithApp(<AssetDialog asset={PLC} onClose={() => {}} onSaved={onSaved} />);
    await user.clear(screen.getByLabelText('Site (optional)'));
    await user.click(screen.getByRole('button', { name: 'Save asset' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, false));
    const { method, path, body } = await lastRequest();
    expect(`${method} ${path}`).toBe('PUT /api/assets/4');
    expect(body).toEqual({
      name: 'PLC-4',
      host: '10.0.0.4',
      site: null,
      zone: null,
      description: null,
    });
  });

  it('shows a taken name on the name field', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(409, { error: 'An asset named PLC-4 exists.' }));
    const { user } = renderWithApp(<AssetDialog asset={null} onClose={() => {}} onSaved={() => {}} />);
    await user.type(screen.getByLabelText('Name'), 'PLC-4');
    await user.type(screen.getByLabelText('Host'), 'plc-4.plant');
    await user.click(screen.getByRole('button', { name: 'Add asset' }));

    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/An asset named PLC-4 exists\./));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
  });
});
