import { Badge, Button, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import type { Me, User } from "../../api";
import { client, unwrap } from "../../api/client";
import { AccountPasswordField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { useFormat } from "../../format";
import { isLocale } from "../../i18n";
import { GUEST, meKey, useLanguage, useMe } from "../../session";
import { PreferencesForm } from "../notifications/PreferencesForm";
import { MyDataSection } from "../privacy/MyDataSection";
import { accountKeys } from "./queries";
import { SessionsSection } from "./SessionsSection";

function ProfileSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const v = validators(t);
  const format = useFormat();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { fullName: user.fullName },
    validate: { fullName: v.fullName },
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: (fullName: string) => unwrap(client.PATCH("/api/me", { body: { fullName } })),
    onSuccess: ({ user: updated }) => {
      queryClient.setQueryData<Me>(meKey, (old) => ({ ...(old ?? GUEST), user: updated }));
      form.setInitialValues({ fullName: updated.fullName });
      form.setValues({ fullName: updated.fullName });
      notifications.show({ color: "indigo", message: t("account.profile.saved") });
    },
    onError: problem.fail,
  });

  return (
    <SectionCard id="profile-title" title={t("account.profile.title")}>
      <Stack gap="md">
        <dl className="facts">
          <div>
            <dt>{t("auth.fields.email")}</dt>
            <dd>
              <span style={{ wordBreak: "break-all" }}>{user.email}</span>{" "}
              {user.emailConfirmed ? (
                <Badge color="teal" variant="filled">
                  {t("account.profile.confirmed")}
                </Badge>
              ) : (
                <Badge color="red" variant="filled">
                  {t("account.profile.notConfirmed")}
                </Badge>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("account.profile.role")}</dt>
            <dd>{t(`common.roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t("account.profile.since")}</dt>
            <dd>{format.date(user.createdAt)}</dd>
          </div>
        </dl>
        <ProblemForm
          form={form}
          problem={problem}
          onSubmit={(values) => save.mutate(values.fullName.trim().replace(/\s+/g, " "))}
          gap="sm"
          maw={480}
        >
          <TextInput
            label={t("auth.fields.fullName")}
            autoComplete="name"
            required
            key={form.key("fullName")}
            {...form.getInputProps("fullName")}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
            {t("account.profile.save")}
          </Button>
        </ProblemForm>
      </Stack>
    </SectionCard>
  );
}

function LanguageSection() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <SectionCard id="language-title" title={t("account.language.title")}>
      <Stack gap="xs" maw={480}>
        <Select
          label={t("account.language.label")}
          description={t("account.language.hint")}
          value={language}
          allowDeselect={false}
          onChange={(value) => {
            if (isLocale(value)) void setLanguage(value);
          }}
          data={[
            { value: "ru", label: "Русский" },
            { value: "en", label: "English" },
          ]}
        />
      </Stack>
    </SectionCard>
  );
}

function NotificationsSection() {
  const { t } = useTranslation();
  return (
    <SectionCard id="notifications-title" title={t("account.notifications.title")}>
      <PreferencesForm />
    </SectionCard>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const v = validators(t);
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { currentPassword: "", newPassword: "", newPasswordRepeat: "" },
    validate: {
      currentPassword: v.required,
      newPassword: (value, values) =>
        v.password(value) ?? (value === values.currentPassword ? t("account.password.same") : null),
      newPasswordRepeat: (value, values) =>
        value === values.newPassword ? null : t("common.validation.passwordsDiffer"),
    },
  });
  const problem = useFormProblem(form);
  const change = useMutation({
    meta: { ignoreUnauthorized: true },
    mutationFn: (values: { currentPassword: string; newPassword: string }) =>
      unwrap(client.POST("/api/me/password", { body: values })),
    onSuccess: (data) => {
      form.reset();
      notifications.show({ color: "indigo", message: data.message });
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: problem.fail,
  });

  return (
    <SectionCard id="password-title" title={t("account.password.title")}>
      <ProblemForm
        form={form}
        problem={problem}
        onSubmit={(values) =>
          change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
        }
        lead={<Text size="sm">{t("account.password.lead")}</Text>}
        gap="sm"
        maw={480}
      >
        <AccountPasswordField
          form={form}
          name="currentPassword"
          kind="current"
          label={t("account.password.current")}
        />
        <AccountPasswordField form={form} name="newPassword" kind="new" />
        <AccountPasswordField
          form={form}
          name="newPasswordRepeat"
          kind="repeat"
          label={t("account.password.repeat")}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
          {t("account.password.submit")}
        </Button>
      </ProblemForm>
    </SectionCard>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t("account.title"));
  const { user, can } = useMe();
  const { hash } = useLocation();
  // a link to a section (e.g. /account#notifications-title from the notification centre) scrolls to it
  useEffect(() => {
    if (!hash) return;
    const timer = window.setTimeout(() => document.getElementById(hash.slice(1))?.scrollIntoView(), 0);
    return () => window.clearTimeout(timer);
  }, [hash]);
  if (!user) return null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t("account.title")}</Title>
      <ProfileSection key={user.id} user={user} />
      <LanguageSection />
      {can("notifications.own") && <NotificationsSection />}
      <PasswordSection />
      <SessionsSection />
      {can("privacy.own") && <MyDataSection />}
    </Stack>
  );
}
