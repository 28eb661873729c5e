import type { Route } from "./+types/signup";
import { AuthForm } from "../components/AuthForm";
import { authenticate } from "../lib/auth.server";
import { redirectSignedInMiddleware } from "../lib/middleware.server";

export const meta: Route.MetaFunction = () => [{ title: "Sign up · Openline" }];
export const middleware: Route.MiddlewareFunction[] = [redirectSignedInMiddleware];

export const action = (args: Route.ActionArgs) => authenticate(args, "signup");

export default function Signup({ actionData }: Route.ComponentProps) {
  return <AuthForm kind="signup" result={actionData} />;
}
