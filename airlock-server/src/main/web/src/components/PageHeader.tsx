import { useEffect, type ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's <h1>. The shell moves focus to it after each navigation so screen readers announce the new page. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Airlock`;
  }, [title]);

  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1 className="page-title" tabIndex={-1}>
          {title}
        </h1>
        {description !== undefined && <p className="page-description">{description}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </header>
  );
}
