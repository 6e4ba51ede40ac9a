import { z } from 'zod';
import { defineConfig } from '../../config/config.js';

export const githubConfig = defineConfig({
  webhookSecrets: {
    env: 'RECITAL_GITHUB_WEBHOOK_SECRET',
    doc: 'the secret GitHub signs webhook deliveries with (several, comma-separated, while rotating); unset turns the webhook endpoint off',
    schema: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((secret) => secret.trim())
          .filter((secret) => secret.length > 0),
      ),
  },
});
