import { asc, eq, isNotNull } from "drizzle-orm";
import type { OkvedSectionLetter } from "../../shared/okved.js";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { clusterApplications, clusterMembers, clusters } from "../modules/clusters/clusters.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { projects } from "../modules/projects/projects.schema.js";
import { ownedOrganizations } from "./organizations.js";

/*
 * Demo inter-industry clusters (src/shared/clusters.ts): fifteen Moscow clusters, each led by a verified
 * organization whose industries match its theme, with 5–25 members (most agreed to be named, every
 * fourth did not), two of the demo projects in three attached to the cluster whose industries they share
 * (their leads made members), two pending applications in each of the first six clusters and one declined
 * application. Written as rows, dated from now; deterministic: no faker.
 */

const DAY = 24 * 3600_000;

type Plan = [name: string, theme: string, industries: OkvedSectionLetter[]];

const PLANS: Plan[] = [
  [
    "Медицинские технологии и фармацевтика",
    "Разработка и вывод на рынок медицинских изделий, лекарственных препаратов и цифровых сервисов для здравоохранения: от доклинических исследований и испытаний в городских клиниках до серийного производства на площадках Москвы.",
    ["Q", "C", "M"],
  ],
  [
    "Микроэлектроника и приборостроение",
    "Проектирование электронной компонентной базы, измерительных приборов и встраиваемых систем, кооперация дизайн-центров, производителей и университетских лабораторий для импортозамещения и выпуска серийной продукции.",
    ["C", "M", "J"],
  ],
  [
    "Беспилотные системы",
    "Беспилотные авиационные и наземные системы для городских задач: мониторинг инфраструктуры, доставка, инспекция строительства; испытательные полигоны, сертификация и подготовка операторов.",
    ["C", "H", "M"],
  ],
  [
    "Новые материалы и химические технологии",
    "Композиты, полимеры, аддитивные материалы и покрытия для промышленности и строительства: совместные исследования, опытные партии и внедрение на предприятиях кластера.",
    ["C", "M", "F"],
  ],
  [
    "Искусственный интеллект в городской среде",
    "Решения на основе машинного обучения и анализа данных для городского хозяйства, транспорта и социальной сферы: пилотирование на городских площадках и масштабирование успешных проектов.",
    ["J", "M", "H"],
  ],
  [
    "Креативные индустрии",
    "Цифровой контент, игры, медиа, дизайн и технологии для культуры и событий: совместные продукты студий, вузов и технологических компаний, выход на рынки за пределами Москвы.",
    ["J", "R", "M"],
  ],
  [
    "Промышленный дизайн и инжиниринг",
    "Инжиниринговые услуги, промышленный дизайн и прототипирование для производителей: от концепции изделия до конструкторской документации и опытного образца.",
    ["M", "C"],
  ],
  [
    "Умный город и энергоэффективность",
    "Технологии для ЖКХ, энергетики и водоснабжения: учёт ресурсов, цифровые двойники сетей, энергоэффективное оборудование и их внедрение на объектах города.",
    ["D", "E", "F", "J"],
  ],
  [
    "Биотехнологии и агротехнологии",
    "Промышленная биотехнология, ферментация, биопрепараты и технологии закрытого грунта: от лабораторных штаммов и сортов до опытно-промышленных установок и поставок городским предприятиям.",
    ["A", "C", "M"],
  ],
  [
    "Робототехника и автоматизация производства",
    "Промышленные и сервисные роботы, системы машинного зрения и управления для автоматизации производственных линий, складов и городских служб; испытания на площадках предприятий-участников.",
    ["C", "M", "J"],
  ],
  [
    "Транспорт и логистика",
    "Технологии для городского транспорта, складской и курьерской логистики: телематика, управление автопарками, зарядная инфраструктура электротранспорта, цифровые платформы перевозок.",
    ["H", "J", "M"],
  ],
  [
    "Строительные технологии и информационное моделирование",
    "Технологии информационного моделирования (ТИМ), новые конструктивные решения, контроль качества и цифровой надзор на стройке: внедрение на объектах городского заказа.",
    ["F", "M", "J"],
  ],
  [
    "Космические технологии и связь",
    "Малые космические аппараты, наземная инфраструктура, спутниковая связь и сервисы на данных дистанционного зондирования Земли для городского и отраслевого применения.",
    ["C", "J", "M"],
  ],
  [
    "Экология и обращение с отходами",
    "Переработка отходов и вторичное сырьё, очистка воды и воздуха, экологический мониторинг: совместные проекты переработчиков, производителей оборудования и научных центров.",
    ["E", "C", "M"],
  ],
  [
    "Информационная безопасность и доверенные ИТ",
    "Средства защиты информации, доверенные программно-аппаратные комплексы и отечественное системное ПО: совместная разработка, сертификация и внедрение в городских информационных системах.",
    ["J", "M"],
  ],
];

const MOTIVATIONS = [
  "Разрабатываем решения в тематике кластера и ищем партнёров для совместных проектов и пилотных внедрений.",
  "Хотим участвовать в совместных НИОКР и получить доступ к испытательной инфраструктуре участников кластера.",
  "Наша продукция дополняет проекты участников: готовы выступить соисполнителем и поставщиком комплектующих.",
];

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export const clustersSeeder: Seeder = {
  name: "clusters",
  async run({ db }) {
    const orgs = await db
      .select({
        id: organizations.id,
        okved: organizations.okvedSections,
      })
      .from(organizations)
      .where(isNotNull(organizations.verifiedAt))
      .orderBy(asc(organizations.inn), asc(organizations.id));
    const owned = await ownedOrganizations(db).where(isNotNull(organizations.verifiedAt));
    const ownerOf = new Map(owned.map((o) => [o.id, o.owner]));
    const candidates = orgs.filter((o) => ownerOf.has(o.id));
    if (candidates.length < 10) return;
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "operator"))
      .orderBy(asc(users.email))
      .limit(1);
    const list = await db
      .select({
        id: projects.id,
        lead: projects.leadOrganizationId,
        industries: projects.industries,
      })
      .from(projects)
      .orderBy(asc(projects.createdAt), asc(projects.id));
    const now = Date.now();
    const n = candidates.length;
    const leads = new Set<string>();
    const plans = PLANS.map(([name, theme, industries], i) => {
      // the lead: the first verified organization from a rotating start that shares an industry
      const start = (i * 17) % n;
      const rotated = [...candidates.slice(start), ...candidates.slice(0, start)];
      const lead =
        rotated.find((o) => !leads.has(o.id) && overlaps(o.okved, industries)) ??
        rotated.find((o) => !leads.has(o.id))!;
      leads.add(lead.id);
      const size = 5 + ((i * 7) % 21);
      const matching = rotated.filter((o) => o.id !== lead.id && overlaps(o.okved, industries));
      const rest = rotated.filter((o) => o.id !== lead.id && !overlaps(o.okved, industries));
      const members = [lead.id, ...[...matching, ...rest].slice(0, size - 1).map((o) => o.id)];
      return { name, theme, industries, lead: lead.id, members, rotated };
    });
    // two projects in three go to the first cluster (from a rotating start) sharing an industry; their
    // leads join that cluster
    const attached = new Map<number, string[]>();
    // an attached project names its lead as a member, so those leads agreed to be named
    const projectLeads = new Set<string>();
    list.forEach((p, k) => {
      if (k % 3 === 2) return;
      const order = plans.map((_, j) => (j + k) % plans.length);
      const c = order.find((j) => overlaps(p.industries, plans[j]!.industries));
      if (c === undefined) return;
      if (!plans[c]!.members.includes(p.lead)) plans[c]!.members.push(p.lead);
      attached.set(c, [...(attached.get(c) ?? []), p.id]);
      projectLeads.add(p.lead);
    });
    for (const [i, plan] of plans.entries()) {
      const created = new Date(now - (500 - i * 20) * DAY);
      const [c] = await db
        .insert(clusters)
        .values({
          nameRu: plan.name,
          themeRu: plan.theme,
          industries: plan.industries,
          leadOrganizationId: plan.lead,
          createdBy: operator?.id ?? null,
          createdAt: created,
          updatedAt: created,
        })
        .returning({ id: clusters.id });
      await db.insert(clusterMembers).values(
        plan.members.map((organizationId, k) => ({
          clusterId: c!.id,
          organizationId,
          public: k === 0 || k % 4 !== 3 || projectLeads.has(organizationId),
          joinedAt: new Date(created.getTime() + (k + 1) * 3 * DAY),
        })),
      );
      const ids = attached.get(i) ?? [];
      for (const id of ids) await db.update(projects).set({ clusterId: c!.id }).where(eq(projects.id, id));
      const outsiders = plan.rotated.filter((o) => !plan.members.includes(o.id));
      const applications: (typeof clusterApplications.$inferInsert)[] = [];
      if (i < 6)
        for (let k = 0; k < 2 && k < outsiders.length; k++) {
          const o = outsiders[(k * 5 + i) % outsiders.length]!;
          if (applications.some((a) => a.organizationId === o.id)) continue;
          applications.push({
            clusterId: c!.id,
            organizationId: o.id,
            motivationRu: MOTIVATIONS[(i + k) % MOTIVATIONS.length]!,
            public: k === 0,
            authorId: ownerOf.get(o.id) ?? null,
            createdAt: new Date(now - (3 + k * 4 + i) * DAY),
            updatedAt: new Date(now - (3 + k * 4 + i) * DAY),
          });
        }
      if (i === 1 && outsiders.length > 3) {
        const o = outsiders[outsiders.length - 1]!;
        if (!applications.some((a) => a.organizationId === o.id))
          applications.push({
            clusterId: c!.id,
            organizationId: o.id,
            motivationRu: MOTIVATIONS[2]!,
            state: "declined",
            reasonRu:
              "Профиль организации пока не связан с электроникой и приборостроением: подайте заявку, когда появятся проекты в этой области.",
            authorId: ownerOf.get(o.id) ?? null,
            decidedBy: ownerOf.get(plan.lead) ?? null,
            decidedAt: new Date(now - 30 * DAY),
            createdAt: new Date(now - 40 * DAY),
            updatedAt: new Date(now - 30 * DAY),
            version: 2,
          });
      }
      if (applications.length) await db.insert(clusterApplications).values(applications);
    }
  },
};
