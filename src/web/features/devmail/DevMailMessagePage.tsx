import { Anchor, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { linkify } from "./linkify";
import { devMailQueries } from "./queries";

export default function DevMailMessagePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const format = useFormat();
  const message = useQuery(devMailQueries.message(id));
  const mail = message.data;
  usePageTitle(mail?.subject || t("devmail.messageTitle"));
  const notFound = message.error instanceof ApiError && message.error.status === 404;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/dev/mail" size="sm">
        {t("devmail.back")}
      </Anchor>
      {!mail && <Title order={1}>{t("devmail.messageTitle")}</Title>}
      {message.isPending && <Skeleton height={300} />}
      {notFound ? (
        <Text>{t("devmail.messageUnavailable")}</Text>
      ) : (
        message.isError && <ProblemAlert error={message.error} />
      )}
      {mail && (
        <>
          <Title order={1} style={{ wordBreak: "break-word" }}>
            {mail.subject || t("devmail.noSubject")}
          </Title>
          <dl className="facts">
            <div>
              <dt>{t("devmail.to")}</dt>
              <dd style={{ wordBreak: "break-all" }}>{mail.to}</dd>
            </div>
            <div>
              <dt>{t("devmail.createdAt")}</dt>
              <dd>{format.dateTime(mail.createdAt)}</dd>
            </div>
          </dl>
          <Tabs defaultValue="text" keepMounted={false}>
            <Tabs.List aria-label={t("devmail.views")}>
              <Tabs.Tab value="text">{t("devmail.textView")}</Tabs.Tab>
              {mail.html && <Tabs.Tab value="html">{t("devmail.htmlView")}</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="text" pt="md">
              <div className="mail-text" data-testid="mail-text">
                {linkify(mail.text)}
              </div>
            </Tabs.Panel>
            {mail.html && (
              <Tabs.Panel value="html" pt="md">
                <iframe className="mail-frame" title={t("devmail.htmlFrame")} sandbox="" srcDoc={mail.html} />
              </Tabs.Panel>
            )}
          </Tabs>
        </>
      )}
    </Stack>
  );
}
