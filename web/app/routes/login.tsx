import type { Route } from "./+types/login";
import { AuthForm } from "../components/AuthForm";
import { authenticate } from "../lib/auth.server";
import { redirectSignedInMiddleware } from "../lib/middleware.server";

export const meta: Route.MetaFunction = () => [{ title: "Log in · Openline" }];
export const middleware: Route.MiddlewareFunction[] = [redirectSignedInMiddleware];

export const action = (args: Route.ActionArgs) => authenticate(args, "login");

export default function Login({ actionData }: Route.ComponentProps) {
  return <AuthForm kind="login" result={actionData} />;
}
