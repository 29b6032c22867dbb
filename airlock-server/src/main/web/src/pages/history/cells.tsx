import { formatDate, formatTime, protocolLabel } from '../../labels';
import type { LiveSession } from '../../types';

export function Started({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatDate(iso)}
      <span className="cell-date-time">{formatTime(iso)}</span>
    </time>
  );
}

export function AssetCell({ name, protocol, host, port }: { name: string; protocol: LiveSession['protocol']; host: string; port: number }) {
  return (
    <>
      <span className="cell-asset-name">{name}</span>
      <span className="cell-subtle cell-nowrap">
        {protocolLabel(protocol)} <span className="mono">{host}:{port}</span>
      </span>
    </>
  );
}
