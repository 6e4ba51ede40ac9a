import { z } from 'zod';
import { defineConfig } from '../config/config.js';
import { outboundAllowListProblems } from './outbound-url.js';

/** A comma-separated list; each item checked by `problems`, all reported together. */
function list(problems: (items: string[]) => string[]) {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .superRefine((items, ctx) => {
      for (const message of problems(items)) ctx.addIssue({ code: 'custom', message });
    });
}

/**
 * Webhooks and proof checks fetch URLs people give us. Loopback, private and link-local addresses are
 * refused unless listed here (for an intranet webhook receiver, say).
 */
export const outboundConfig = defineConfig({
  allowHosts: {
    env: 'RECITAL_OUTBOUND_ALLOW_HOSTS',
    doc: 'comma-separated host names that outbound requests may reach even on private addresses',
    schema: list((hosts) => outboundAllowListProblems({ hosts, cidrs: [] })),
  },
  allowCidrs: {
    env: 'RECITAL_OUTBOUND_ALLOW_CIDRS',
    doc: 'comma-separated address ranges (CIDR) that outbound requests may reach, e.g. 10.20.0.0/16',
    schema: list((cidrs) => outboundAllowListProblems({ hosts: [], cidrs })),
  },
});
