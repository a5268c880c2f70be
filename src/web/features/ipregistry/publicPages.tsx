// The IP registry's public pages, one chunk (see routes.tsx): the register and the receipt verifier.
export { default as RegisterPage } from "./RegisterPage";
export { default as VerifyPage } from "./VerifyPage";
