import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ROLES, type Role } from "../../../shared/constants";
import { type AdminUser, errorMessage } from "../../api";
import { client } from "../../api/client";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
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
  const [problem, setProblem] = useState<FormProblem | null>(null);
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
  const block = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      client.POST("/api/admin/users/{id}/block", { params: { path: { id } }, body: { reason } }),
    onSuccess: () => {
      notifications.show({ color: "indigo", message: t("admin.block.done") });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      close();
    },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });

  function close() {
    form.reset();
    setProblem(null);
    onClose();
  }

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t("admin.block.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      centered
    >
      {user && (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setProblem(null);
            block.mutate({ id: user.id, reason: values.reason.trim() });
          })}
        >
          <Stack gap="md">
            <Text>{t("admin.block.lead", { name: user.fullName, email: user.email })}</Text>
            <ProblemAlert problem={problem} />
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
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color="red" loading={block.isPending}>
                {t("admin.block.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.users.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const { user: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const roleParam = params.get("role") ?? "";
  const role = isRole(roleParam) ? roleParam : "";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

  const [search, setSearch] = useState(q);
  const [debouncedSearch] = useDebouncedValue(search, 350);
  const [blocking, setBlocking] = useState<AdminUser | null>(null);

  function update(next: { q?: string; role?: string; page?: number }) {
    const sp = new URLSearchParams();
    const nextQ = next.q ?? q;
    const nextRole = next.role ?? role;
    const nextPage = next.page ?? page;
    if (nextQ) sp.set("q", nextQ);
    if (nextRole) sp.set("role", nextRole);
    if (nextPage > 1) sp.set("page", String(nextPage));
    setParams(sp, { replace: true });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    if (debouncedSearch.trim() !== q) update({ q: debouncedSearch.trim(), page: 1 });
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

  const data = users.data;
  const filtered = Boolean(q || role);

  return (
    <Stack gap="lg">
      <Title order={1}>{t("admin.users.title")}</Title>

      <form
        aria-label={t("admin.users.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim(), page: 1 });
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
            onChange={(e) => update({ role: e.currentTarget.value, page: 1 })}
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

      {users.isError && <ProblemAlert error={users.error} />}
      {users.isPending && <Skeleton height={240} />}

      {data && data.items.length === 0 && (
        <Stack gap="xs" align="flex-start">
          <Text>{filtered ? t("admin.users.emptyFiltered") : t("admin.users.empty")}</Text>
          {filtered && (
            <Button
              variant="default"
              onClick={() => {
                setSearch("");
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t("common.resetFilters")}
            </Button>
          )}
        </Stack>
      )}

      {data && data.items.length > 0 && (
        <div>
          <Table.ScrollContainer
            minWidth={860}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t("admin.users.tableLabel")}
          >
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={users.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.users.user")}</Table.Th>
                  <Table.Th scope="col">{t("admin.users.role")}</Table.Th>
                  <Table.Th scope="col">{t("admin.users.status")}</Table.Th>
                  <Table.Th scope="col">{t("admin.users.createdAt")}</Table.Th>
                  <Table.Th scope="col">{t("admin.users.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {u.fullName}
                      </Text>
                      <Text size="sm" style={{ wordBreak: "break-all" }}>
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.date(u.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {u.blocked ? (
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
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            totalCapped={data.totalCapped}
            onChange={(p) => update({ page: p })}
          />
        </div>
      )}

      <BlockModal user={blocking} onClose={() => setBlocking(null)} />
    </Stack>
  );
}
