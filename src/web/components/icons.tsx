import type { SVGProps } from "react";

/** Small inline icons (the app has no icon library); decorative, hidden from assistive technology. */
function Svg({ children, size = 20, ...props }: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function BellIcon(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Svg {...props}>
      <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3h-16a4 4 0 0 0 2 -3v-3a7 7 0 0 1 4 -6" />
      <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
    </Svg>
  );
}

export function MessageIcon(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Svg {...props}>
      <path d="M8 9h8" />
      <path d="M8 13h6" />
      <path d="M18 4a3 3 0 0 1 3 3v8a3 3 0 0 1 -3 3h-5l-5 3v-3h-2a3 3 0 0 1 -3 -3v-8a3 3 0 0 1 3 -3h12z" />
    </Svg>
  );
}

export function CheckIcon(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Svg {...props}>
      <path d="M5 12l5 5l10 -10" />
    </Svg>
  );
}

export function ChevronDownIcon(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Svg {...props}>
      <path d="M6 9l6 6l6 -6" />
    </Svg>
  );
}

export function BuildingIcon(props: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <Svg {...props}>
      <path d="M3 21h18" />
      <path d="M5 21v-14l8 -4v18" />
      <path d="M19 21v-10l-6 -4" />
      <path d="M9 9v.01M9 12v.01M9 15v.01M9 18v.01" />
    </Svg>
  );
}
