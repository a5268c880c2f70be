/** The demo accounts everyone can sign in with (printed at the first start). */
export const DEMO_PASSWORD = "Innocluster-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@innocluster.demo", fullName: "Соколова Анна Викторовна", role: "admin" as const },
  { email: "operator@innocluster.demo", fullName: "Кузнецов Дмитрий Олегович", role: "operator" as const },
  { email: "expert@innocluster.demo", fullName: "Лебедева Марина Игоревна", role: "expert" as const },
  { email: "user@innocluster.demo", fullName: "Иванов Сергей Петрович", role: "user" as const },
];
