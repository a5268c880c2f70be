// The IP registry's public register, a chunk of its own (see routes.tsx); the receipt verifier is
// another (VerifyPage.tsx), so the register does not carry the verifier's hashing and file field.
export { default as RegisterPage } from "./RegisterPage";
