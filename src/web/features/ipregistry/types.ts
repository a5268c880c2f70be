/** Shapes of the IP registry API, from the generated contract (src/web/api). */
import type { ResponseOf, Schemas } from "../../api/types";

export type Deposit = Schemas["IpDeposit"];
export type RegisterEntry = Schemas["IpRegisterEntry"];
export type IpReceipt = Schemas["IpReceipt"];
export type RegisterPage = ResponseOf<"/api/public/iplog/register", "get">;
