import type { Messages } from "../../core/module.js";

/** Field errors of support measures, their import and saved searches. */
export const MEASURE_MESSAGES: Messages = {
  ru: {
    "field.range": "Верхняя граница не может быть меньше нижней",
    "field.date-range": "Дата окончания приёма заявок не может быть раньше даты начала",
    "field.slug": "Только строчные латинские буквы, цифры и дефисы, например grant-startup-2026",
    "field.measure.slug-taken": "Такой адрес уже занят другой мерой",
    "field.measure.slug-reserved": "Этот адрес занят разделом навигатора, выберите другой",
    "field.measure.region": "Укажите код субъекта РФ из списка или «foreign» для иностранных организаций",
    "field.measure.subscriptions-limit": "Можно сохранить не больше {max} поисков",
    "field.measure.import-slug-repeated": "Этот адрес (slug) уже указан в строке {row} файла",
    "field.import-row": "{message}",
  },
  en: {
    "field.range": "The upper bound cannot be less than the lower one",
    "field.date-range": "The closing date cannot be earlier than the opening date",
    "field.slug": "Lowercase Latin letters, digits and hyphens only, e.g. grant-startup-2026",
    "field.measure.slug-taken": "Another measure already uses this address",
    "field.measure.slug-reserved": "This address belongs to a page of the navigator; choose another",
    "field.measure.region":
      "Give a Russian region code from the list, or “foreign” for foreign organizations",
    "field.measure.subscriptions-limit": "At most {max} searches can be saved",
    "field.measure.import-slug-repeated": "This slug is already used in row {row} of the file",
    "field.import-row": "{message}",
  },
};
