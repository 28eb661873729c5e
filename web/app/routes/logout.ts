import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { logout } from "../lib/auth.server";

/** Logging out is a POST (a link or an image on another site must not log anyone out). */
export const action = (args: Route.ActionArgs) => logout(args);
export const loader = () => redirect("/");
