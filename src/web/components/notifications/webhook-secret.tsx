/** The signing secret of a webhook just added, shown once, with how to verify a request with it. */
import { CopyField } from '../copy-field.js';

export function WebhookSecret({ secret, onDone }: { secret: string; onDone(): void }) {
  return (
    <div className="card card-highlight stack-small" role="status" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Webhook added: store its signing secret</h2>
      <CopyField label="Signing secret" value={secret} />
      <p className="warning">Copy it now. You will not see this secret again.</p>
      <p>
        Every request Recital sends to this webhook carries three headers, so your endpoint can check that it
        came from Recital and is not a replay:
      </p>
      <ul className="steps">
        <li>
          <code>X-Recital-Timestamp</code>: when it was sent, in Unix seconds.
        </li>
        <li>
          <code>X-Recital-Signature</code>: <code>sha256=</code> and the hex HMAC-SHA256, keyed with this
          secret, of the timestamp, a dot, and the raw request body.
        </li>
        <li>
          <code>X-Recital-Delivery</code>: the same on every retry of one delivery, so you can drop
          duplicates.
        </li>
      </ul>
      <p>
        To verify: compute the HMAC over the raw bytes you received (not re-serialised JSON), compare it in
        constant time, and refuse timestamps more than five minutes from your clock. In Node.js:
      </p>
      <pre className="code-block">
        <code>{`import { createHmac, timingSafeEqual } from 'node:crypto';

const stamp = req.headers['x-recital-timestamp'];
const given = req.headers['x-recital-signature'] ?? '';
const expected = 'sha256=' + createHmac('sha256', SECRET)
  .update(\`\${stamp}.\`).update(rawBody).digest('hex');
const fresh = Math.abs(Date.now() / 1000 - Number(stamp)) <= 300;
const valid = fresh && given.length === expected.length &&
  timingSafeEqual(Buffer.from(given), Buffer.from(expected));`}</code>
      </pre>
      <div>
        <button type="button" className="button button-secondary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
