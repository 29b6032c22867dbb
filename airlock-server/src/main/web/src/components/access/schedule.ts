import { dayLabel } from '../../labels';
import { DAYS, type AccessWindow, type Day } from '../../types';

/** The browser's IANA time zone, the default for new access groups. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let supportedZones: readonly string[] | null = null;

/** Every IANA time zone the browser knows, plus UTC and `current` (so a stored value always stays selectable). */
export function timeZoneOptions(current: string): readonly string[] {
  if (supportedZones === null) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    supportedZones = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return current === '' || supportedZones.includes(current) ? supportedZones : [current, ...supportedZones];
}

function sortDays(days: readonly Day[]): Day[] {
  return DAYS.filter((day) => days.includes(day));
}

/** "Every day", "Mon–Fri", "Mon, Wed, Fri", "Mon–Thu, Sat". */
export function summarizeDays(days: readonly Day[]): string {
  const sorted = sortDays(days);
  if (sorted.length === DAYS.length) return 'Every day';
  if (sorted.length === 0) return 'No days';
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    const previous = sorted[i - 1] as Day;
    const current = sorted[i];
    const contiguous = current !== undefined && DAYS.indexOf(current) === DAYS.indexOf(previous) + 1;
    if (contiguous) continue;
    const first = sorted[runStart] as Day;
    const length = i - runStart;
    if (length >= 3) parts.push(`${dayLabel(first)}–${dayLabel(previous)}`);
    else parts.push(...sorted.slice(runStart, i).map((day) => dayLabel(day)));
    runStart = i;
  }
  return parts.join(', ');
}

/** "HH:mm", whatever precision the server sent. */
export function normalizeTime(value: string): string {
  return value.length > 5 ? value.slice(0, 5) : value;
}

export function summarizeWindow(window: AccessWindow): string {
  return `${summarizeDays(window.days)} ${normalizeTime(window.start)}–${normalizeTime(window.end)}`;
}

export interface WindowErrors {
  days?: string;
  time?: string;
}

/** Per-window problems, by index; an empty object when every window is valid. */
export function validateWindows(windows: readonly AccessWindow[]): Record<number, WindowErrors> {
  const errors: Record<number, WindowErrors> = {};
  windows.forEach((window, index) => {
    const problem: WindowErrors = {};
    if (window.days.length === 0) problem.days = 'Choose at least one day.';
    if (window.start === '' || window.end === '') problem.time = 'Enter a start and an end time.';
    else if (normalizeTime(window.start) >= normalizeTime(window.end)) {
      problem.time = 'The end time must be later than the start time. Split windows that cross midnight in two.';
    }
    if (problem.days !== undefined || problem.time !== undefined) errors[index] = problem;
  });
  return errors;
}

export function newWindow(): AccessWindow {
  return { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '08:00', end: '17:00' };
}

export { sortDays };
