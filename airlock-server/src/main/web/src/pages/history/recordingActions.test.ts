import { describe, expect, it } from 'vitest';
import { availableActions, PROCESSING_REFRESH_MS, RECORDING_REFRESH_MS, refreshInterval } from './recordingActions';

describe('Actions offered by a Session History row', () => {
  it('offers only View Full Auditing Info until the recording is in the bucket', () => {
    for (const status of ['NONE', 'RECORDING', 'PROCESSING', 'WAITING_FOR_STORAGE', 'FAILED', 'EXPIRED'] as const) {
      expect(availableActions({ recordingStatus: status, protocol: 'SSH' })).toEqual(['audit']);
    }
  });

  it('adds view and download once Recorded says Yes, and the text view for terminal sessions only', () => {
    expect(availableActions({ recordingStatus: 'READY', protocol: 'SSH' })).toEqual([
      'audit',
      'view',
      'text',
      'download',
    ]);
    expect(availableActions({ recordingStatus: 'READY', protocol: 'TELNET' })).toContain('text');
    expect(availableActions({ recordingStatus: 'READY', protocol: 'VNC' })).toEqual(['audit', 'view', 'download']);
    expect(availableActions({ recordingStatus: 'READY', protocol: 'RDP' })).not.toContain('text');
  });
});

describe('Session History polling', () => {
  it('polls often while a visible video is being made', () => {
    expect(refreshInterval([{ recordingStatus: 'READY' }, { recordingStatus: 'PROCESSING' }])).toBe(
      PROCESSING_REFRESH_MS,
    );
  });

  it('polls slowly while a recording runs, waits for storage or is retried', () => {
    expect(refreshInterval([{ recordingStatus: 'RECORDING' }])).toBe(RECORDING_REFRESH_MS);
    expect(refreshInterval([{ recordingStatus: 'WAITING_FOR_STORAGE' }])).toBe(RECORDING_REFRESH_MS);
    expect(refreshInterval([{ recordingStatus: 'FAILED' }])).toBe(RECORDING_REFRESH_MS);
  });

  it('stops polling when every visible row is settled', () => {
    expect(
      refreshInterval([{ recordingStatus: 'READY' }, { recordingStatus: 'NONE' }, { recordingStatus: 'EXPIRED' }]),
    ).toBeNull();
  });
});
