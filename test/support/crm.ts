// The header of Maven Analytics' "CRM Sales Opportunities" sales_pipeline.csv (the corpus file
// test/fixtures/real/crm-sales-opportunities/sales_pipeline.csv) and its first record, for tests
// that build a small CRM export by hand.

export const CRM_HEADER: readonly string[] = [
  "opportunity_id",
  "sales_agent",
  "product",
  "account",
  "deal_stage",
  "engage_date",
  "close_date",
  "close_value",
];

/** The export's first record: a won deal with its close date and value. */
export const CRM_FIRST_ROW: readonly (string | number)[] = [
  "1C1I7A6R",
  "Moses Frase",
  "GTX Plus Basic",
  "Cancity",
  "Won",
  "2016-10-20",
  "2017-03-01",
  1054,
];
