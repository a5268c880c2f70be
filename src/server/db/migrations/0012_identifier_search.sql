CREATE INDEX "organizations_ogrn_idx" ON "organizations" USING btree ("ogrn");--> statement-breakpoint
CREATE INDEX "organizations_kpp_idx" ON "organizations" USING btree ("kpp");