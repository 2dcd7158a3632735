/** The page's log of every request the views caused: which local service answered, who, what, how it went. */
import type {LogEntry} from '../config';

/**
 * A find that finds nothing is an answer, not a failure: it is how a view
 * learns a key or a connection is not there yet, on every load. Drawn plainly,
 * with a word saying so, so real errors stand out in red.
 */
export function isExpectedOutcome(entry: LogEntry): boolean {
  return entry.service === 'stripe-api' && entry.status === 404 && entry.method === 'GET' && entry.path === '/v1/apps/secrets/find';
}

export function RequestLog({log}: {log: LogEntry[]}) {
  return (
    <section className="kr-log" aria-label="Request log">
      <h2>Requests from the views</h2>
      {/* Focusable, so a keyboard can scroll the log's overflow (a long path, many requests). */}
      <div className="kr-log-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Service</th>
              <th scope="col">User</th>
              <th scope="col">Mode</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {log
              .slice()
              .reverse()
              .map((entry, i) => {
                const expected = isExpectedOutcome(entry);
                return (
                  <tr key={`${entry.at}-${i}`} className={entry.status >= 400 && !expected ? 'kr-log-error' : undefined}>
                    <td>{new Date(entry.at).toLocaleTimeString()}</td>
                    <td>{entry.service}</td>
                    {/* The provider, the backend and the stand-in are called directly: they cannot tell which preview user called. */}
                    <td>{entry.user ?? '—'}</td>
                    <td>{entry.mode ?? '—'}</td>
                    <td>{entry.method}</td>
                    <td>{entry.path}</td>
                    <td>
                      {entry.status}
                      {expected ? <span className="kr-secondary"> (none yet: expected)</span> : null}
                    </td>
                    <td>{entry.ms.toFixed(0)} ms</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
