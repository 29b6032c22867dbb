import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../types';
import { RecordedCell } from './RecordedCell';

function entry(change: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 5,
    username: 'alice',
    clientAddress: '10.0.0.2',
    groupId: 1,
    groupName: 'Line 1',
    assetName: 'Kiln PLC',
    protocol: 'SSH',
    host: '10.0.0.9',
    port: 22,
    startedAt: '2026-11-29T08:00:00Z',
    endedAt: '2026-11-29T08:10:00Z',
    endReason: 'CLOSED_BY_USER',
    endReasonLabel: 'Closed by user',
    endDetail: null,
    endedBy: null,
    bytesToEquipment: 10,
    bytesFromEquipment: 20,
    enforceRecording: true,
    recordingStatus: 'READY',
    recordingDetail: null,
    recordingProgress: null,
    recorded: true,
    ...change,
  };
}

describe('Recorded column', () => {
  it('says Yes with nothing beside it once the recording is in the bucket', () => {
    render(<RecordedCell entry={entry({})} />);
    expect(screen.getByTestId('history-recorded-value-5')).toHaveTextContent('Yes');
    expect(screen.queryByTestId('history-recording-status-5')).toBeNull();
  });

  it('shows the progress while the video is made', () => {
    render(<RecordedCell entry={entry({ recorded: false, recordingStatus: 'PROCESSING', recordingProgress: 42 })} />);
    expect(screen.getByTestId('history-recorded-value-5')).toHaveTextContent('No');
    expect(screen.getByTestId('history-recording-status-5')).toHaveTextContent('Processing 42 %');
  });

  it('shows why a recording failed without hovering', () => {
    render(
      <RecordedCell entry={entry({ recorded: false, recordingStatus: 'FAILED', recordingDetail: 'Broken line 3.' })} />,
    );
    expect(screen.getByTestId('history-recording-reason-5')).toHaveTextContent('Broken line 3.');
  });

  it("says a recording the bucket's retention removed is expired", () => {
    render(<RecordedCell entry={entry({ recorded: false, recordingStatus: 'EXPIRED' })} />);
    expect(screen.getByTestId('history-recording-status-5')).toHaveTextContent(
      "Expired by the bucket's retention policy",
    );
  });
});
