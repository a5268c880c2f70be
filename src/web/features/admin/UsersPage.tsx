import { Badge, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../shared/constants";
import { type AdminUser, errorMessage } from "../../api";
import { client } from "../../api/client";
import { AppModal, ModalFormActions } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { type Column, DataTable, TableEmpty } from "../../components/table/DataTable";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { meKey, useMe } from "../../session";
import { adminKeys, adminQueries } from "./queries";

const PAGE_SIZE = 20;
const REASON_MAX = 500;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function BlockModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { reason: "" },
    validate: {
      reason: (value) => {
        const v = value.trim();
        if (!v) return t("admin.block.reasonRequired");
        if (v.length > REASON_MAX) return t("common.validation.tooLong", { max: REASON_MAX });
        return null;
      },
    },
  });
  const problem = useFormProblem(form);
  const block = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      client.POST("/api/admin/users/{id}/block", { params: { path: { id } }, body: { reason } }),
    onSuccess: () => {
      notifications.show({ color: "indigo", message: t("admin.block.done") });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      close();
    },
    onError: problem.fail,
  });

  function close() {
    problem.discard();
    onClose();
  }

  return (
    <AppModal opened={user !== null} onClose={close} title={t("admin.block.title")}>
      {user && (
        <ProblemForm
          form={form}
          problem={problem}
          onSubmit={(values) => block.mutate({ id: user.id, reason: values.reason.trim() })}
          lead={<Text>{t("admin.block.lead", { name: user.fullName, email: user.email })}</Text>}
        >
          <Textarea
            label={t("admin.block.reason")}
            description={t("admin.block.reasonHint")}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            data-autofocus
            key={form.key("reason")}
            {...form.getInputProps("reason")}
          />
          <ModalFormActions
            onCancel={close}
            submitLabel={t("admin.block.submit")}
            color="red"
            loading={block.isPending}
          />
        </ProblemForm>
      )}
    </AppModal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.users.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const { user: me } = useMe();
  const filters = useUrlFilters(["q", "role"] as const, { valid: { role: isRole } });
  const { q } = filters.values;
  const role = isRole(filters.values.role) ? filters.values.role : "";
  const page = filters.page;

  const [search, setSearch] = useState(q);
  const [debouncedSearch] = useDebouncedValue(search, 350);
  const [blocking, setBlocking] = useState<AdminUser | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    if (debouncedSearch.trim() !== q) filters.set({ q: debouncedSearch.trim() });
  }, [debouncedSearch]);

  const users = useQuery({
    ...adminQueries.users({ q: q || undefined, role: role || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const changeRole = useMutation({
    mutationFn: ({ id, role: newRole }: { id: string; role: Role }) =>
      client.PATCH("/api/admin/users/{id}", { params: { path: { id } }, body: { role: newRole } }),
    onSuccess: (_data, vars) => {
      notifications.show({ color: "indigo", message: t("admin.users.roleChanged") });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      if (vars.id === me?.id) void queryClient.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => {
      notifications.show({ color: "red", title: t("common.errors.title"), message: errorMessage(error) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });

  const unblock = useMutation({
    mutationFn: (id: string) => client.POST("/api/admin/users/{id}/unblock", { params: { path: { id } } }),
    onSuccess: () => {
      notifications.show({ color: "indigo", message: t("admin.unblock.done") });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: t("common.errors.title"), message: errorMessage(error) }),
  });

  const columns: Column<AdminUser>[] = [
    {
      key: "user",
      header: t("admin.users.user"),
      cell: (u) => (
        <>
          <Text fw={600} size="sm">
            {u.fullName}
          </Text>
          <Text size="sm" style={{ wordBreak: "break-all" }}>
            {u.email}
          </Text>
        </>
      ),
    },
    {
      key: "role",
      header: t("admin.users.role"),
      cell: (u) => (
        <NativeSelect
          size="xs"
          aria-label={t("admin.users.roleOf", { name: u.fullName, email: u.email })}
          value={u.role}
          disabled={changeRole.isPending && changeRole.variables?.id === u.id}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isRole(value) && value !== u.role) changeRole.mutate({ id: u.id, role: value });
          }}
          data={ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
        />
      ),
    },
    {
      key: "status",
      header: t("admin.users.status"),
      cell: (u) => (
        <Stack gap={4} align="flex-start">
          {u.blocked ? (
            <Badge color="red" variant="filled">
              {t("admin.users.blocked")}
            </Badge>
          ) : (
            <Badge color="teal" variant="filled">
              {t("admin.users.active")}
            </Badge>
          )}
          {!u.emailConfirmed && (
            <Badge color="gray" variant="outline">
              {t("admin.users.unconfirmed")}
            </Badge>
          )}
          {u.blocked && u.blockedReason && (
            <Text size="xs">{t("admin.users.reason", { reason: u.blockedReason })}</Text>
          )}
        </Stack>
      ),
    },
    {
      key: "createdAt",
      header: t("admin.users.createdAt"),
      cell: (u) => <Text size="sm">{format.date(u.createdAt)}</Text>,
    },
    {
      key: "actions",
      header: t("admin.users.actions"),
      cell: (u) =>
        u.blocked ? (
          <Button
            size="xs"
            variant="default"
            loading={unblock.isPending && unblock.variables === u.id}
            onClick={() => unblock.mutate(u.id)}
            aria-label={t("admin.unblock.buttonFor", { email: u.email })}
          >
            {t("admin.unblock.button")}
          </Button>
        ) : (
          <Button
            size="xs"
            color="red"
            variant="outline"
            disabled={u.id === me?.id}
            onClick={() => setBlocking(u)}
            aria-label={t("admin.block.buttonFor", { email: u.email })}
          >
            {t("admin.block.button")}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t("admin.users.title")} />
      <DataTable
        label={t("admin.users.tableLabel")}
        minWidth={860}
        columns={columns}
        query={users}
        rowKey={(u) => u.id}
        onPage={filters.setPage}
        filters={
          <form
            aria-label={t("admin.users.filters")}
            onSubmit={(e) => {
              e.preventDefault();
              filters.set({ q: search.trim() });
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t("admin.users.search")}
                description={t("admin.users.searchHint")}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                style={{ flex: "1 1 16rem" }}
              />
              <NativeSelect
                label={t("admin.users.roleFilter")}
                value={role}
                onChange={(e) => filters.set({ role: e.currentTarget.value })}
                data={[
                  { value: "", label: t("admin.users.allRoles") },
                  ...ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) })),
                ]}
                style={{ flex: "0 1 12rem" }}
              />
              <Button type="submit" variant="default">
                {t("common.search")}
              </Button>
            </Group>
          </form>
        }
        empty={
          <TableEmpty
            text={<Text>{filters.filtered ? t("admin.users.emptyFiltered") : t("admin.users.empty")}</Text>}
            action={
              filters.filtered && (
                <Button
                  variant="default"
                  onClick={() => {
                    setSearch("");
                    filters.reset();
                  }}
                >
                  {t("common.resetFilters")}
                </Button>
              )
            }
          />
        }
      />
      <BlockModal user={blocking} onClose={() => setBlocking(null)} />
    </Stack>
  );
}
