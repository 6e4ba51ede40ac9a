import { useRef, type Dispatch, type SetStateAction } from 'react';
import type { FormError } from '../../lib/api-errors.js';
import { TextField } from '../fields.js';
import { classifyLink, withoutField } from './format.js';

export interface LinkEntry {
  key: number;
  value: string;
}

const LINK_KIND_HINTS = {
  pull_request: 'Pull request: your witness sees the code change.',
  live_url: 'Live page: your witness opens it to try the result.',
} as const;

const MAX_LINKS = 10;

interface ProofLinksProps {
  links: LinkEntry[];
  setLinks: Dispatch<SetStateAction<LinkEntry[]>>;
  error: FormError | null;
  setError: Dispatch<SetStateAction<FormError | null>>;
}

/** Up to ten links, each told apart as a pull request or a live page while it is typed. */
export function ProofLinks({ links, setLinks, error, setError }: ProofLinksProps) {
  // The first link is created with key 0 by the form.
  const nextKey = useRef(1);
  return (
    <fieldset className="cp-fieldset">
      <legend>Links</legend>
      {links.map((link, index) => {
        const found = classifyLink(link.value);
        const hint =
          found.kind === 'pull_request' || found.kind === 'live_url'
            ? LINK_KIND_HINTS[found.kind]
            : 'A pull request (GitHub, GitLab, Bitbucket) or the live page.';
        return (
          <div key={link.key} className="cp-link-row">
            <TextField
              label={`Link ${index + 1}`}
              name={`link-${link.key}`}
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://"
              required={false}
              maxLength={2048}
              value={link.value}
              onChange={(event) => {
                setLinks((current) =>
                  current.map((l) => (l.key === link.key ? { ...l, value: event.target.value } : l)),
                );
                setError((e) => withoutField(e, `link-${link.key}`));
              }}
              hint={hint}
              error={error?.fields[`link-${link.key}`]}
            />
            {links.length > 1 && (
              <button
                type="button"
                className="button button-secondary button-small cp-remove"
                aria-label={`Remove link ${index + 1}`}
                onClick={() => setLinks((current) => current.filter((l) => l.key !== link.key))}
              >
                Remove
              </button>
            )}
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setLinks((current) => [...current, { key: nextKey.current++, value: '' }])}
          disabled={links.length >= MAX_LINKS}
        >
          Add another link
        </button>
      </div>
    </fieldset>
  );
}
