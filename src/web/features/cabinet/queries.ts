import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const cabinetKeys = {
  cabinet: ["cabinet"] as const,
  desk: ["desk"] as const,
};

export const cabinetQueries = {
  cabinet: () =>
    queryOptions({
      queryKey: cabinetKeys.cabinet,
      queryFn: ({ signal }) => unwrap(client.GET("/api/cabinet", { signal })),
    }),
  desk: () =>
    queryOptions({
      queryKey: cabinetKeys.desk,
      queryFn: ({ signal }) => unwrap(client.GET("/api/desk", { signal })),
    }),
};
