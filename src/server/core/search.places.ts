// Place names a search text may carry, each with the region (tax-service subject code, as
// src/shared/regions.ts) it names: every subject by its own name (derived), plus the regional centres,
// the other large cities and common short names. Data, not UI strings.

import { REGIONS } from "../../shared/regions.js";

/** City (or short name) → subject code. */
const CITIES: Record<string, string> = {
  майкоп: "01",
  уфа: "02",
  "улан-удэ": "03",
  "горно-алтайск": "04",
  махачкала: "05",
  магас: "06",
  нальчик: "07",
  элиста: "08",
  черкесск: "09",
  петрозаводск: "10",
  сыктывкар: "11",
  "йошкар-ола": "12",
  саранск: "13",
  якутск: "14",
  владикавказ: "15",
  казань: "16",
  "набережные челны": "16",
  кызыл: "17",
  ижевск: "18",
  абакан: "19",
  грозный: "20",
  чебоксары: "21",
  барнаул: "22",
  краснодар: "23",
  сочи: "23",
  красноярск: "24",
  владивосток: "25",
  ставрополь: "26",
  хабаровск: "27",
  благовещенск: "28",
  архангельск: "29",
  астрахань: "30",
  белгород: "31",
  брянск: "32",
  владимир: "33",
  волгоград: "34",
  вологда: "35",
  череповец: "35",
  воронеж: "36",
  иваново: "37",
  иркутск: "38",
  калининград: "39",
  калуга: "40",
  обнинск: "40",
  "петропавловск-камчатский": "41",
  кемерово: "42",
  новокузнецк: "42",
  киров: "43",
  кострома: "44",
  курган: "45",
  курск: "46",
  "санкт-петербург": "78",
  петербург: "78",
  спб: "78",
  питер: "78",
  липецк: "48",
  магадан: "49",
  подмосковье: "50",
  химки: "50",
  королёв: "50",
  мытищи: "50",
  дубна: "50",
  "нижний новгород": "52",
  "великий новгород": "53",
  новосибирск: "54",
  омск: "55",
  оренбург: "56",
  орёл: "57",
  пенза: "58",
  пермь: "59",
  псков: "60",
  "ростов-на-дону": "61",
  рязань: "62",
  самара: "63",
  тольятти: "63",
  саратов: "64",
  "южно-сахалинск": "65",
  екатеринбург: "66",
  "нижний тагил": "66",
  смоленск: "67",
  тамбов: "68",
  тверь: "69",
  томск: "70",
  тула: "71",
  тюмень: "72",
  ульяновск: "73",
  челябинск: "74",
  магнитогорск: "74",
  чита: "75",
  ярославль: "76",
  москва: "77",
  мск: "77",
  биробиджан: "79",
  "нарьян-мар": "83",
  "ханты-мансийск": "86",
  сургут: "86",
  анадырь: "87",
  салехард: "89",
  симферополь: "91",
  севастополь: "92",
  донецк: "93",
  луганск: "94",
  иннополис: "16",
  сколково: "77",
  зеленоград: "77",
  татарстан: "16",
  якутия: "14",
  чувашия: "21",
  югра: "86",
  кузбасс: "42",
};

/** Words of a subject's name that name nothing by themselves. */
const GENERIC = new Set([
  "республика",
  "область",
  "край",
  "автономный",
  "автономная",
  "округ",
  "народная",
  "северная",
  "город",
  "г",
  "обл",
  "респ",
  "—",
  "-",
]);
/** Generic words a place phrase takes along when they stand next to it ("Московская область"). */
export const PLACE_GENERIC = GENERIC;

const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е");

/** A place phrase (one or more words, lower case, ё as е) and the subjects it names. */
export interface Place {
  words: string[];
  regions: string[];
}

function places(): Place[] {
  const byKey = new Map<string, Set<string>>();
  const add = (phrase: string, code: string) => {
    const key = norm(phrase);
    const set = byKey.get(key) ?? new Set<string>();
    set.add(code);
    byKey.set(key, set);
  };
  for (const r of REGIONS) {
    // "Республика Саха (Якутия)", "Ханты-Мансийский автономный округ — Югра": each distinctive word.
    for (const w of norm(r.ru).split(/[\s()—,]+/)) if (w.length >= 4 && !GENERIC.has(w)) add(w, r.code);
  }
  for (const [city, code] of Object.entries(CITIES)) add(city, code);
  return [...byKey].map(([key, codes]) => ({ words: key.split(" "), regions: [...codes].sort() }));
}

export const PLACES: readonly Place[] = places();
