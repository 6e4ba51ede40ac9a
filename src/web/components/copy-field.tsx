import { useId, useRef, useState } from 'react';

/** A secret or link shown once: read-only, selectable, with a copy button that says when it worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      // Clipboard access can be refused; leave the text selected so Ctrl+C works.
      input.current?.select();
      setStatus('failed');
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          className="mono"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {status === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="field-hint" aria-live="polite">
        {status === 'copied' && 'Copied to the clipboard.'}
        {status === 'failed' &&
          'Copying was blocked by the browser. The text is selected: press Ctrl+C or ⌘C.'}
      </p>
    </div>
  );
}
