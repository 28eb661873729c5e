import { Link } from "react-router";

export interface Step {
  id: string;
  label: string;
}

/** The wizard's steps; done steps are links back, later ones are plain text. */
export function Stepper({ steps, current, reachable, hrefFor }: { steps: Step[]; current: string; reachable: (id: string) => boolean; hrefFor: (id: string) => string }) {
  const currentIndex = steps.findIndex((step) => step.id === current);
  return (
    <nav aria-label="New job steps" className="stepper">
      <ol>
        {steps.map((step, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
          const content = (
            <>
              <span className="stepper-number" aria-hidden="true">
                {state === "done" ? "✓" : index + 1}
              </span>
              <span className="stepper-label">{step.label}</span>
              {state === "done" ? <span className="visually-hidden"> (done)</span> : null}
            </>
          );
          return (
            <li key={step.id} className={`stepper-step stepper-${state}`} aria-current={state === "current" ? "step" : undefined}>
              {state !== "current" && reachable(step.id) ? (
                <Link to={hrefFor(step.id)} preventScrollReset>
                  {content}
                </Link>
              ) : (
                <span>{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
