import { STEPS, type StepIndex } from './draft.js';

interface StepperProps {
  current: StepIndex;
  /** The furthest step reached: every step up to it can be revisited. */
  reached: StepIndex;
  onGo(step: StepIndex): void;
}

/** Where you are in the setup: numbered steps, the done ones reachable with a click or the keyboard. */
export function Stepper({ current, reached, onGo }: StepperProps) {
  const total = STEPS.length - 1;
  return (
    <nav className="stepper" aria-label="Setup steps">
      <p className="stepper-count">
        {current < total ? `Step ${current + 1} of ${total}` : 'Last look before you start'}
      </p>
      <ol className="stepper-list">
        {STEPS.map((step, index) => {
          const i = index as StepIndex;
          const state = i === current ? 'current' : i < current || i <= reached ? 'done' : 'todo';
          const marker = i === total ? '★' : state === 'done' && i < current ? '✓' : String(i + 1);
          const body = (
            <>
              <span className="stepper-marker" aria-hidden="true">
                {marker}
              </span>
              <span className="stepper-label">{step.short}</span>
              {state === 'done' && i < current && <span className="visually-hidden"> (done)</span>}
            </>
          );
          return (
            <li key={step.id} className={`stepper-item stepper-${state}`}>
              {i !== current && i <= reached ? (
                <button type="button" className="stepper-button" onClick={() => onGo(i)}>
                  {body}
                </button>
              ) : (
                <span className="stepper-button" aria-current={i === current ? 'step' : undefined}>
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
