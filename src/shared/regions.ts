/**
 * Federal subjects of Russia and common foreign countries. Data, not UI strings.
 *
 * Region codes are the tax service's codes of subjects (the first two digits of INN, KPP and the
 * tax office code; ФНС order ЕД-7-21/420@ as amended by ЕД-7-21/988@ of 28.10.2022). For the 85
 * "old" subjects they coincide with the primary vehicle-plate codes.
 *
 * Careful with the four subjects admitted in 2022: the tax service gave them 90, 93, 94 and 95,
 * while the Interior Ministry gave them the vehicle-plate codes 80, 81, 84, 85 (`plateCode`). In the
 * tax classifier 80, 81, 84 and 85 were the Aginsky Buryat, Komi-Permyak, Taymyr and Ust-Orda Buryat
 * autonomous okrugs, merged into other subjects in 2005–2008; they are not subjects any more and are
 * not listed. Baikonur (99, "other territories") is not a subject and is not listed either.
 */

import type { Locale } from "./constants.js";

export type Region = { code: string; ru: string; en: string; plateCode?: string };

export const MOSCOW = "77";

export const REGIONS: readonly Region[] = [
  { code: "01", ru: "Республика Адыгея", en: "Republic of Adygea" },
  { code: "02", ru: "Республика Башкортостан", en: "Republic of Bashkortostan" },
  { code: "03", ru: "Республика Бурятия", en: "Republic of Buryatia" },
  { code: "04", ru: "Республика Алтай", en: "Altai Republic" },
  { code: "05", ru: "Республика Дагестан", en: "Republic of Dagestan" },
  { code: "06", ru: "Республика Ингушетия", en: "Republic of Ingushetia" },
  { code: "07", ru: "Кабардино-Балкарская Республика", en: "Kabardino-Balkarian Republic" },
  { code: "08", ru: "Республика Калмыкия", en: "Republic of Kalmykia" },
  { code: "09", ru: "Карачаево-Черкесская Республика", en: "Karachay-Cherkess Republic" },
  { code: "10", ru: "Республика Карелия", en: "Republic of Karelia" },
  { code: "11", ru: "Республика Коми", en: "Komi Republic" },
  { code: "12", ru: "Республика Марий Эл", en: "Mari El Republic" },
  { code: "13", ru: "Республика Мордовия", en: "Republic of Mordovia" },
  { code: "14", ru: "Республика Саха (Якутия)", en: "Sakha (Yakutia) Republic" },
  { code: "15", ru: "Республика Северная Осетия — Алания", en: "Republic of North Ossetia–Alania" },
  { code: "16", ru: "Республика Татарстан", en: "Republic of Tatarstan" },
  { code: "17", ru: "Республика Тыва", en: "Tuva Republic" },
  { code: "18", ru: "Удмуртская Республика", en: "Udmurt Republic" },
  { code: "19", ru: "Республика Хакасия", en: "Republic of Khakassia" },
  { code: "20", ru: "Чеченская Республика", en: "Chechen Republic" },
  { code: "21", ru: "Чувашская Республика — Чувашия", en: "Chuvash Republic" },
  { code: "22", ru: "Алтайский край", en: "Altai Krai" },
  { code: "23", ru: "Краснодарский край", en: "Krasnodar Krai" },
  { code: "24", ru: "Красноярский край", en: "Krasnoyarsk Krai" },
  { code: "25", ru: "Приморский край", en: "Primorsky Krai" },
  { code: "26", ru: "Ставропольский край", en: "Stavropol Krai" },
  { code: "27", ru: "Хабаровский край", en: "Khabarovsk Krai" },
  { code: "28", ru: "Амурская область", en: "Amur Oblast" },
  { code: "29", ru: "Архангельская область", en: "Arkhangelsk Oblast" },
  { code: "30", ru: "Астраханская область", en: "Astrakhan Oblast" },
  { code: "31", ru: "Белгородская область", en: "Belgorod Oblast" },
  { code: "32", ru: "Брянская область", en: "Bryansk Oblast" },
  { code: "33", ru: "Владимирская область", en: "Vladimir Oblast" },
  { code: "34", ru: "Волгоградская область", en: "Volgograd Oblast" },
  { code: "35", ru: "Вологодская область", en: "Vologda Oblast" },
  { code: "36", ru: "Воронежская область", en: "Voronezh Oblast" },
  { code: "37", ru: "Ивановская область", en: "Ivanovo Oblast" },
  { code: "38", ru: "Иркутская область", en: "Irkutsk Oblast" },
  { code: "39", ru: "Калининградская область", en: "Kaliningrad Oblast" },
  { code: "40", ru: "Калужская область", en: "Kaluga Oblast" },
  { code: "41", ru: "Камчатский край", en: "Kamchatka Krai" },
  { code: "42", ru: "Кемеровская область — Кузбасс", en: "Kemerovo Oblast – Kuzbass" },
  { code: "43", ru: "Кировская область", en: "Kirov Oblast" },
  { code: "44", ru: "Костромская область", en: "Kostroma Oblast" },
  { code: "45", ru: "Курганская область", en: "Kurgan Oblast" },
  { code: "46", ru: "Курская область", en: "Kursk Oblast" },
  { code: "47", ru: "Ленинградская область", en: "Leningrad Oblast" },
  { code: "48", ru: "Липецкая область", en: "Lipetsk Oblast" },
  { code: "49", ru: "Магаданская область", en: "Magadan Oblast" },
  { code: "50", ru: "Московская область", en: "Moscow Oblast" },
  { code: "51", ru: "Мурманская область", en: "Murmansk Oblast" },
  { code: "52", ru: "Нижегородская область", en: "Nizhny Novgorod Oblast" },
  { code: "53", ru: "Новгородская область", en: "Novgorod Oblast" },
  { code: "54", ru: "Новосибирская область", en: "Novosibirsk Oblast" },
  { code: "55", ru: "Омская область", en: "Omsk Oblast" },
  { code: "56", ru: "Оренбургская область", en: "Orenburg Oblast" },
  { code: "57", ru: "Орловская область", en: "Oryol Oblast" },
  { code: "58", ru: "Пензенская область", en: "Penza Oblast" },
  { code: "59", ru: "Пермский край", en: "Perm Krai" },
  { code: "60", ru: "Псковская область", en: "Pskov Oblast" },
  { code: "61", ru: "Ростовская область", en: "Rostov Oblast" },
  { code: "62", ru: "Рязанская область", en: "Ryazan Oblast" },
  { code: "63", ru: "Самарская область", en: "Samara Oblast" },
  { code: "64", ru: "Саратовская область", en: "Saratov Oblast" },
  { code: "65", ru: "Сахалинская область", en: "Sakhalin Oblast" },
  { code: "66", ru: "Свердловская область", en: "Sverdlovsk Oblast" },
  { code: "67", ru: "Смоленская область", en: "Smolensk Oblast" },
  { code: "68", ru: "Тамбовская область", en: "Tambov Oblast" },
  { code: "69", ru: "Тверская область", en: "Tver Oblast" },
  { code: "70", ru: "Томская область", en: "Tomsk Oblast" },
  { code: "71", ru: "Тульская область", en: "Tula Oblast" },
  { code: "72", ru: "Тюменская область", en: "Tyumen Oblast" },
  { code: "73", ru: "Ульяновская область", en: "Ulyanovsk Oblast" },
  { code: "74", ru: "Челябинская область", en: "Chelyabinsk Oblast" },
  { code: "75", ru: "Забайкальский край", en: "Zabaykalsky Krai" },
  { code: "76", ru: "Ярославская область", en: "Yaroslavl Oblast" },
  { code: "77", ru: "Москва", en: "Moscow" },
  { code: "78", ru: "Санкт-Петербург", en: "Saint Petersburg" },
  { code: "79", ru: "Еврейская автономная область", en: "Jewish Autonomous Oblast" },
  { code: "83", ru: "Ненецкий автономный округ", en: "Nenets Autonomous Okrug" },
  { code: "86", ru: "Ханты-Мансийский автономный округ — Югра", en: "Khanty-Mansi Autonomous Okrug – Yugra" },
  { code: "87", ru: "Чукотский автономный округ", en: "Chukotka Autonomous Okrug" },
  { code: "89", ru: "Ямало-Ненецкий автономный округ", en: "Yamalo-Nenets Autonomous Okrug" },
  { code: "90", ru: "Запорожская область", en: "Zaporozhye Oblast", plateCode: "85" },
  { code: "91", ru: "Республика Крым", en: "Republic of Crimea" },
  { code: "92", ru: "Севастополь", en: "Sevastopol" },
  { code: "93", ru: "Донецкая Народная Республика", en: "Donetsk People's Republic", plateCode: "80" },
  { code: "94", ru: "Луганская Народная Республика", en: "Luhansk People's Republic", plateCode: "81" },
  { code: "95", ru: "Херсонская область", en: "Kherson Oblast", plateCode: "84" },
];

const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

export function isRegionCode(code: string): boolean {
  return regionByCode.has(code);
}

/** The subject's name, or null for an unknown code. */
export function regionName(code: string, locale: Locale): string | null {
  return regionByCode.get(code)?.[locale] ?? null;
}

export type Country = { code: string; ru: string; en: string };

/**
 * Common countries of foreign organizations (ISO 3166-1 alpha-2), Russia excluded. Not exhaustive:
 * a foreign organization may give any alpha-2 code; unknown codes are shown as the code.
 */
export const COUNTRIES: readonly Country[] = [
  { code: "AE", ru: "Объединённые Арабские Эмираты", en: "United Arab Emirates" },
  { code: "AM", ru: "Армения", en: "Armenia" },
  { code: "AR", ru: "Аргентина", en: "Argentina" },
  { code: "AT", ru: "Австрия", en: "Austria" },
  { code: "AU", ru: "Австралия", en: "Australia" },
  { code: "AZ", ru: "Азербайджан", en: "Azerbaijan" },
  { code: "BD", ru: "Бангладеш", en: "Bangladesh" },
  { code: "BE", ru: "Бельгия", en: "Belgium" },
  { code: "BH", ru: "Бахрейн", en: "Bahrain" },
  { code: "BR", ru: "Бразилия", en: "Brazil" },
  { code: "BY", ru: "Беларусь", en: "Belarus" },
  { code: "CA", ru: "Канада", en: "Canada" },
  { code: "CH", ru: "Швейцария", en: "Switzerland" },
  { code: "CN", ru: "Китай", en: "China" },
  { code: "CU", ru: "Куба", en: "Cuba" },
  { code: "CY", ru: "Кипр", en: "Cyprus" },
  { code: "CZ", ru: "Чехия", en: "Czechia" },
  { code: "DE", ru: "Германия", en: "Germany" },
  { code: "DK", ru: "Дания", en: "Denmark" },
  { code: "DZ", ru: "Алжир", en: "Algeria" },
  { code: "EG", ru: "Египет", en: "Egypt" },
  { code: "ES", ru: "Испания", en: "Spain" },
  { code: "ET", ru: "Эфиопия", en: "Ethiopia" },
  { code: "FI", ru: "Финляндия", en: "Finland" },
  { code: "FR", ru: "Франция", en: "France" },
  { code: "GB", ru: "Великобритания", en: "United Kingdom" },
  { code: "GE", ru: "Грузия", en: "Georgia" },
  { code: "GR", ru: "Греция", en: "Greece" },
  { code: "HK", ru: "Гонконг", en: "Hong Kong" },
  { code: "HU", ru: "Венгрия", en: "Hungary" },
  { code: "ID", ru: "Индонезия", en: "Indonesia" },
  { code: "IL", ru: "Израиль", en: "Israel" },
  { code: "IN", ru: "Индия", en: "India" },
  { code: "IR", ru: "Иран", en: "Iran" },
  { code: "IT", ru: "Италия", en: "Italy" },
  { code: "JP", ru: "Япония", en: "Japan" },
  { code: "KG", ru: "Киргизия", en: "Kyrgyzstan" },
  { code: "KR", ru: "Республика Корея", en: "South Korea" },
  { code: "KW", ru: "Кувейт", en: "Kuwait" },
  { code: "KZ", ru: "Казахстан", en: "Kazakhstan" },
  { code: "LK", ru: "Шри-Ланка", en: "Sri Lanka" },
  { code: "MA", ru: "Марокко", en: "Morocco" },
  { code: "MD", ru: "Молдова", en: "Moldova" },
  { code: "MN", ru: "Монголия", en: "Mongolia" },
  { code: "MX", ru: "Мексика", en: "Mexico" },
  { code: "MY", ru: "Малайзия", en: "Malaysia" },
  { code: "NG", ru: "Нигерия", en: "Nigeria" },
  { code: "NL", ru: "Нидерланды", en: "Netherlands" },
  { code: "NO", ru: "Норвегия", en: "Norway" },
  { code: "OM", ru: "Оман", en: "Oman" },
  { code: "PK", ru: "Пакистан", en: "Pakistan" },
  { code: "PL", ru: "Польша", en: "Poland" },
  { code: "PT", ru: "Португалия", en: "Portugal" },
  { code: "QA", ru: "Катар", en: "Qatar" },
  { code: "RS", ru: "Сербия", en: "Serbia" },
  { code: "SA", ru: "Саудовская Аравия", en: "Saudi Arabia" },
  { code: "SE", ru: "Швеция", en: "Sweden" },
  { code: "SG", ru: "Сингапур", en: "Singapore" },
  { code: "TH", ru: "Таиланд", en: "Thailand" },
  { code: "TJ", ru: "Таджикистан", en: "Tajikistan" },
  { code: "TM", ru: "Туркменистан", en: "Turkmenistan" },
  { code: "TN", ru: "Тунис", en: "Tunisia" },
  { code: "TR", ru: "Турция", en: "Türkiye" },
  { code: "US", ru: "США", en: "United States" },
  { code: "UZ", ru: "Узбекистан", en: "Uzbekistan" },
  { code: "VE", ru: "Венесуэла", en: "Venezuela" },
  { code: "VN", ru: "Вьетнам", en: "Vietnam" },
  { code: "ZA", ru: "Южно-Африканская Республика", en: "South Africa" },
];

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country's name, or null when it is not in COUNTRIES. */
export function countryName(code: string, locale: Locale): string | null {
  return countryByCode.get(code)?.[locale] ?? null;
}
