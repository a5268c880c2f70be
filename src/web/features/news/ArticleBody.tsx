// biome-ignore-all lint/suspicious/noArrayIndexKey: the blocks of one text, in order, never reordered
import { Anchor, List, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { type Inline, parseBody } from "../../../shared/news";

function Inlines({ parts }: { parts: Inline[] }) {
  return parts.map((p, i) =>
    p.href ? (
      <Anchor key={i} href={p.href} rel="noopener noreferrer nofollow">
        {p.text}
      </Anchor>
    ) : p.bold ? (
      <strong key={i}>{p.text}</strong>
    ) : (
      <Fragment key={i}>{p.text}</Fragment>
    ),
  );
}

/** An article's body in its safe format (src/shared/news.ts), as React elements: never raw HTML. */
export function ArticleBody({ body }: { body: string }) {
  return parseBody(body).map((b, i) =>
    b.type === "h" ? (
      <Title key={i} order={2} size="h3" mt="md">
        {b.text}
      </Title>
    ) : b.type === "ul" ? (
      <List key={i}>
        {b.items.map((item, j) => (
          <List.Item key={j}>
            <Inlines parts={item} />
          </List.Item>
        ))}
      </List>
    ) : (
      <Text key={i}>
        {b.lines.map((line, j) => (
          <Fragment key={j}>
            {j > 0 && <br />}
            <Inlines parts={line} />
          </Fragment>
        ))}
      </Text>
    ),
  );
}
