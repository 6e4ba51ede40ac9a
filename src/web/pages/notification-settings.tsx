import { useState } from 'react';
import { Link } from 'react-router';
import { getNotificationSettings } from '../../contracts/notifications.contract.js';
import { LoadError, Loading } from '../components/fields.js';
import { Channels } from '../components/notifications/channels.js';
import { PreferencesForm, type Settings } from '../components/notifications/preferences-form.js';
import { useApi } from '../lib/session.js';
import { useQuery } from '../lib/use-query.js';
import '../styles/inbox.css';

export function NotificationSettingsPage() {
  const api = useApi();
  const settings = useQuery('notification-settings', () => api.call(getNotificationSettings, {}));
  const [latest, setLatest] = useState<Settings | null>(null);
  const current = latest ?? settings.data;

  return (
    <div className="stack">
      <title>Notification settings · Recital</title>
      <div>
        <h1>Notifications</h1>
        <p className="lead">
          Everything lands in your <Link to="/inbox">inbox</Link>. Choose what else reaches you, and when.
        </p>
      </div>
      {settings.loading && !current && <Loading />}
      {settings.error !== undefined && !current && (
        <LoadError error={settings.error} onRetry={settings.reload} />
      )}
      {current && (
        <>
          <PreferencesForm settings={current} onSaved={setLatest} />
          <Channels
            channels={current.channels}
            onChanged={() => {
              setLatest(null);
              settings.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
