// DeepSeek's list prices, USD per million tokens. Source: DeepSeek's "Models & Pricing" page,
// https://api-docs.deepseek.com/quick_start/pricing (checked 2026-12-02 through the project's search
// tool; the English page and its Chinese twin /zh-cn/quick_start/pricing agree). The model is
// `deepseek-flash` (DeepSeek-V4.1-Flash): `deepseek-chat`, whose 2025-09-29 prices (0.028 / 0.28 / 0.42)
// this file held before, was retired on 2026-07-24 (DeepSeek's V4 release notes, news260424). Prices
// now depend on the hour: peak 01:00–04:00 and 06:00–10:00 UTC on weekdays, off-peak (half) otherwise.
// The figures use the peak prices, the upper bound; OFF_PEAK is half of each. Prices move: check the
// page before quoting them.
export const DEEPSEEK_PRICES = {
  asOf: "2026-12-02",
  model: "deepseek-flash (peak hours)",
  inputCacheHitPerMillion: 0.006,
  inputCacheMissPerMillion: 0.3,
  outputPerMillion: 1.2,
};

export const DEEPSEEK_OFF_PEAK_PRICES = {
  asOf: DEEPSEEK_PRICES.asOf,
  model: "deepseek-flash (off-peak)",
  inputCacheHitPerMillion: 0.003,
  inputCacheMissPerMillion: 0.15,
  outputPerMillion: 0.6,
};

/** USD per 1,000 lines from tokens per row; `cachedPerRow` prompt tokens billed at the cache-hit rate. */
export function costPer1000Lines({ promptPerRow, cachedPerRow = 0, completionPerRow }, prices = DEEPSEEK_PRICES) {
  const perRow =
    cachedPerRow * prices.inputCacheHitPerMillion +
    (promptPerRow - cachedPerRow) * prices.inputCacheMissPerMillion +
    completionPerRow * prices.outputPerMillion;
  return (perRow * 1000) / 1e6;
}
