import { Text, Timeline } from "@mantine/core";
import type { ReactNode } from "react";

export interface TimelineEntry {
  id: string;
  /** ISO date-time of the event. */
  at: string;
  /** The event's name as the user reads it. */
  title: ReactNode;
  /** Mantine colour of the bullet (teal good, red bad, orange attention); indigo by default. */
  color?: string;
  /** Lines under the title (from → to, a reason); empty ones are left out. */
  lines?: ReactNode[];
}

interface Props {
  entries: TimelineEntry[];
  /** Shown when there are no entries. */
  empty: ReactNode;
  /** Formats `at` for display (the <time> element keeps the machine-readable value). */
  formatAt: (at: string) => string;
}

/** A history of status events, newest first, read out as a list. */
export function StatusTimeline({ entries, empty, formatAt }: Props) {
  if (entries.length === 0) return <Text>{empty}</Text>;
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline active={sorted.length} bulletSize={16} lineWidth={2} role="list" color="indigo">
      {sorted.map((e) => (
        <Timeline.Item
          key={e.id}
          role="listitem"
          color={e.color ?? "indigo"}
          title={
            <Text fw={600} component="span">
              {e.title}
            </Text>
          }
        >
          <Text size="sm">
            <time dateTime={e.at}>{formatAt(e.at)}</time>
          </Text>
          {(e.lines ?? [])
            .filter((line) => line !== null && line !== undefined && line !== false && line !== "")
            .map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one entry keep their order
              <Text size="sm" key={i} style={{ whiteSpace: "pre-wrap" }}>
                {line}
              </Text>
            ))}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
