import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireAuth, SignedOutOnly } from './components/guards.js';
import { Shell } from './components/shell.js';
import { SessionProvider } from './lib/session.js';

// Each page is its own chunk, so the first visit loads only the shell and the page it lands on.
const SignInPage = lazy(() => import('./pages/sign-in.js').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('./pages/sign-up.js').then((m) => ({ default: m.SignUpPage })));
const HomePage = lazy(() => import('./pages/home.js').then((m) => ({ default: m.HomePage })));
const WorkspacePage = lazy(() => import('./pages/workspace.js').then((m) => ({ default: m.WorkspacePage })));
const InvitePage = lazy(() => import('./pages/invite.js').then((m) => ({ default: m.InvitePage })));
const TokensPage = lazy(() => import('./pages/tokens.js').then((m) => ({ default: m.TokensPage })));
const ProfilePage = lazy(() => import('./pages/profile.js').then((m) => ({ default: m.ProfilePage })));
const EmailsPage = lazy(() => import('./pages/emails.js').then((m) => ({ default: m.EmailsPage })));
const CheckpointPage = lazy(() =>
  import('./pages/checkpoint.js').then((m) => ({ default: m.CheckpointPage })),
);
const ReviewsPage = lazy(() => import('./pages/reviews.js').then((m) => ({ default: m.ReviewsPage })));
const CohortPage = lazy(() => import('./pages/cohort.js').then((m) => ({ default: m.CohortPage })));
const PlanPage = lazy(() => import('./pages/plan.js').then((m) => ({ default: m.PlanPage })));
const PublicStatusPage = lazy(() =>
  import('./pages/public-status.js').then((m) => ({ default: m.PublicStatusPage })),
);
const InboxPage = lazy(() => import('./pages/inbox.js').then((m) => ({ default: m.InboxPage })));
const NotificationSettingsPage = lazy(() =>
  import('./pages/notification-settings.js').then((m) => ({ default: m.NotificationSettingsPage })),
);
const ContractPage = lazy(() => import('./pages/contract.js').then((m) => ({ default: m.ContractPage })));
const IntakePage = lazy(() => import('./pages/intake.js').then((m) => ({ default: m.IntakePage })));
const TodayPage = lazy(() => import('./pages/today.js').then((m) => ({ default: m.TodayPage })));
const ComprehensionPage = lazy(() =>
  import('./pages/comprehension.js').then((m) => ({ default: m.ComprehensionPage })),
);
// New pages: one lazy import each, above this line.
const NotFoundPage = lazy(() => import('./pages/not-found.js').then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Shell />}>
            <Route
              path="sign-in"
              element={
                <SignedOutOnly>
                  <SignInPage />
                </SignedOutOnly>
              }
            />
            <Route
              path="sign-up"
              element={
                <SignedOutOnly>
                  <SignUpPage />
                </SignedOutOnly>
              }
            />
            <Route path="invite/:token" element={<InvitePage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<HomePage />} />
              <Route path="workspaces/:workspaceId" element={<WorkspacePage />} />
              <Route path="settings/tokens" element={<TokensPage />} />
              <Route path="settings/profile" element={<ProfilePage />} />
              <Route path="settings/emails" element={<EmailsPage />} />
              <Route path="verify-email" element={<EmailsPage />} />
              <Route path="projects/:projectId/checkpoints/:checkpointId" element={<CheckpointPage />} />
              <Route path="reviews" element={<ReviewsPage />} />
              <Route path="workspaces/:workspaceId/cohort" element={<CohortPage />} />
              <Route path="projects/:projectId/plan" element={<PlanPage />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="settings/notifications" element={<NotificationSettingsPage />} />
              <Route path="projects/:projectId/contract" element={<ContractPage />} />
              <Route path="start" element={<IntakePage />} />
              <Route path="projects/:projectId/today" element={<TodayPage />} />
              <Route path="projects/:projectId/comprehension" element={<ComprehensionPage />} />
              {/* Signed-in pages: add routes above this line. */}
            </Route>
            <Route path="status/:token" element={<PublicStatusPage />} />
            {/* Public pages: add routes above this line. */}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
