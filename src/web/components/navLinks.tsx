import { NavLink } from "react-router";

export interface NavItem {
  to: string;
  label: string;
}

/** The exchanges, the challenges and the pilot sites: in the bar, or under "More" for staff. */
export const exchangeLinks = (t: (key: string) => string): NavItem[] => [
  { to: "/exchanges", label: t("common.nav.exchanges") },
  { to: "/challenges", label: t("common.nav.challenges") },
  { to: "/pilot-sites", label: t("common.nav.pilotSites") },
];

/** The header's and the drawer's links; the active one is marked by NavLink. */
export const navLinks = (list: NavItem[], onClick?: () => void) =>
  list.map((item) => (
    <NavLink key={item.to} to={item.to} end={item.to === "/"} className="nav-link" onClick={onClick}>
      {item.label}
    </NavLink>
  ));
