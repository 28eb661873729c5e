import { NavLink, Outlet } from "react-router";

const TABS = [
  { to: "/account", label: "Credits", end: true },
  { to: "/account/billing", label: "Plan & billing" },
  { to: "/account/api-keys", label: "API keys" },
  { to: "/account/webhooks", label: "Webhooks" },
  { to: "/account/settings", label: "Settings & data" },
];

export default function AccountLayout() {
  return (
    <div className="account">
      <nav aria-label="Account" className="tabs">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
