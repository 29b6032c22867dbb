import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatOffset, playerUrl } from './api';
import { Highlighted, queryWords } from './Highlighted';

describe('search results', () => {
  it('marks every searched word, whole words only, in any case', () => {
    const { container } = render(
      <Highlighted line="ERROR: disk /dev/sda1 errors=3, error again" words={queryWords('error Sda1')} />,
    );
    const marked = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marked).toEqual(['ERROR', 'sda1', 'error']);
    expect(container.textContent).toBe('ERROR: disk /dev/sda1 errors=3, error again');
  });

  it('splits a query into words as the server does', () => {
    expect(queryWords('cat /etc/HOSTS && cat Grüße')).toEqual(['cat', 'etc', 'hosts', 'grüße']);
    expect(queryWords('-- $$')).toEqual([]);
  });

  it('opens the player at the whole second the line appeared', () => {
    expect(playerUrl({ sessionId: 12, offsetSeconds: 75.9 })).toBe('/sessions/12/recording?t=75');
    expect(formatOffset(75.9)).toBe('1:15');
    expect(formatOffset(3723)).toBe('1:02:03');
    expect(formatOffset(4)).toBe('0:04');
  });
});
