import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="auth">
      <title>Not found · Recital</title>
      <div>
        <h1>Page not found</h1>
        <p className="lead">
          There is nothing at this address. It may have moved, or the link may be mistyped.
        </p>
      </div>
      <p>
        <Link to="/">Go to your workspaces</Link>
      </p>
    </div>
  );
}
