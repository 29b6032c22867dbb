import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  onSelect(): void;
  testId?: string;
}

interface ActionsMenuProps {
  /** Accessible name of the button, e.g. "Actions for session #12". */
  label: string;
  actions: MenuAction[];
  testId?: string;
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or Down Arrow opens it on the first item,
 * Up/Down/Home/End move, Escape closes it and returns focus to the button, Tab or a click outside closes it.
 */
export function ActionsMenu({ label, actions, testId }: ActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);
  const [placement, setPlacement] = useState<CSSProperties>({});
  const menuId = useId();

  useEffect(() => {
    if (!open) return undefined;
    itemRefs.current[focusIndex]?.focus();
    return undefined;
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return undefined;
    function onPointerDown(event: PointerEvent) {
      if (rootRef.current !== null && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    // The menu is placed against the viewport (tables scroll and would clip it): close it when the page moves.
    function onMove(event: Event) {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
    };
  }, [open]);

  function openAt(index: number) {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect !== undefined) {
      const estimatedHeight = 12 + actions.length * 40;
      const below = rect.bottom + 4 + estimatedHeight <= window.innerHeight;
      setPlacement({
        position: 'fixed',
        right: Math.max(8, window.innerWidth - rect.right),
        ...(below ? { top: rect.bottom + 4 } : { bottom: window.innerHeight - rect.top + 4 }),
      });
    }
    setFocusIndex(index);
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(actions.length - 1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = actions.length - 1;
    if (event.key === 'ArrowDown') setFocusIndex((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setFocusIndex((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setFocusIndex(0);
    else if (event.key === 'End') setFocusIndex(last);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
        data-testid={testId}
      >
        Actions
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id={menuId}
          className="menu-list"
          role="menu"
          aria-label={label}
          style={placement}
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action, index) => (
            <li key={action.label} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                className="menu-item"
                tabIndex={index === focusIndex ? 0 : -1}
                onClick={() => {
                  close(true);
                  action.onSelect();
                }}
                data-testid={action.testId}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
