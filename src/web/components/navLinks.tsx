import { NavLink } from "react-router";

export interface NavItem {
  to: string;
  label: string;
}

/** The header's and the drawer's links; the active one is marked by NavLink. */
export const navLinks = (list: NavItem[], onClick?: () => void) =>
  list.map((item) => (
    <NavLink key={item.to} to={item.to} end={item.to === "/"} className="nav-link" onClick={onClick}>
      {item.label}
    </NavLink>
  ));
