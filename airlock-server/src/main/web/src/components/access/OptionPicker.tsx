import { useId, useState, type ReactNode } from 'react';

export interface PickerItem {
  id: number;
  /** The checkbox's id (also its data-testid). */
  inputId: string;
  label: string;
  detail?: string;
  /** Items with the same section are listed under one sub-heading (for example the asset name). */
  section?: string;
}

interface OptionPickerProps {
  legend: string;
  items: readonly PickerItem[];
  selected: ReadonlySet<number>;
  onChange(selected: Set<number>): void;
  filterLabel: string;
  /** Shown when there is nothing to choose from at all. */
  empty: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}

const FILTER_THRESHOLD = 8;

/** A filterable list of checkboxes inside a fieldset, with the number chosen in its legend. */
export function OptionPicker({
  legend,
  items,
  selected,
  onChange,
  filterLabel,
  empty,
  error,
  disabled = false,
  testId,
}: OptionPickerProps) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const errorId = useId();
  const query = filter.trim().toLowerCase();
  const shown = items.filter(
    (item) =>
      query === '' ||
      item.label.toLowerCase().includes(query) ||
      (item.detail ?? '').toLowerCase().includes(query) ||
      (item.section ?? '').toLowerCase().includes(query),
  );

  function toggle(id: number, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  const sections: { name: string | undefined; items: PickerItem[] }[] = [];
  for (const item of shown) {
    const last = sections[sections.length - 1];
    if (last !== undefined && last.name === item.section) last.items.push(item);
    else sections.push({ name: item.section, items: [item] });
  }

  return (
    <fieldset
      className="fieldset picker"
      disabled={disabled}
      data-testid={testId}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field-label">
        {legend} <span className="picker-count">({selected.size} selected)</span>
      </legend>
      {items.length === 0 ? (
        <div className="picker-empty">{empty}</div>
      ) : (
        <>
          {items.length > FILTER_THRESHOLD && (
            <div className="field">
              <label htmlFor={filterId} className="visually-hidden">
                {filterLabel}
              </label>
              <input
                id={filterId}
                type="search"
                className="input input-compact"
                placeholder={filterLabel}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
          )}
          <div className="picker-list">
            {shown.length === 0 && <p className="muted picker-none">Nothing matches “{filter.trim()}”.</p>}
            {sections.map((section, index) => (
              <div key={`${section.name ?? ''}-${index}`} className="picker-section">
                {section.name !== undefined && <p className="picker-section-title">{section.name}</p>}
                {section.items.map((item) => (
                  <label key={item.id} className="checkbox picker-option">
                    <input
                      type="checkbox"
                      id={item.inputId}
                      data-testid={item.inputId}
                      checked={selected.has(item.id)}
                      onChange={(e) => toggle(item.id, e.target.checked)}
                    />
                    <span>
                      {item.section !== undefined && <span className="visually-hidden">{item.section}: </span>}
                      {item.label}
                      {item.detail !== undefined && <span className="picker-detail"> {item.detail}</span>}
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        </>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
